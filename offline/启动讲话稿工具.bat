@echo off
rem 启动讲话稿工具:在浏览器中打开本机页面。用完请点页面右上角的“退出”,或关闭本窗口。
title 讲话稿工具（用完请点页面上的“退出”或关闭本窗口）
"%LOCALAPPDATA%\speechgen\venv\Scripts\speechgen.exe" serve
if errorlevel 1 pause
