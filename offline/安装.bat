@echo off
rem 讲话稿工具 离线安装(Windows):双击运行。只从本文件夹的 wheels 安装,不联网。
setlocal
cd /d "%~dp0"
set "TARGET=%LOCALAPPDATA%\speechgen"
set "PY=python"
where py >nul 2>nul
if %errorlevel%==0 set "PY=py -3"
%PY% -c "import sys; sys.exit(0 if sys.version_info >= (3, 10) else 1)" >nul 2>nul
if errorlevel 1 (
  echo 错误：没有找到 Python 3.10 或更高版本。请先请信息中心安装 Python（安装时勾选“Add python.exe to PATH”），再运行本文件。
  pause
  exit /b 2
)
echo 正在安装到 %TARGET% ……
%PY% -m venv "%TARGET%\venv"
if errorlevel 1 goto failed
"%TARGET%\venv\Scripts\python.exe" -m pip install --quiet --no-index --find-links "%~dp0wheels" speechgen
if errorlevel 1 goto failed
copy /y "%~dp0启动讲话稿工具.bat" "%TARGET%\启动讲话稿工具.bat" >nul
if exist "%USERPROFILE%\Desktop" copy /y "%~dp0启动讲话稿工具.bat" "%USERPROFILE%\Desktop\启动讲话稿工具.bat" >nul
echo 安装完成。双击桌面上的“启动讲话稿工具”即可使用。
pause
exit /b 0
:failed
echo 安装没有完成，请把本窗口的内容截图发给信息中心。
pause
exit /b 1
