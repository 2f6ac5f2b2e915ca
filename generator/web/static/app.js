/* speechgen serve: the page. Plain JavaScript (ES2017), no library, no build step.
 *
 * The page never lays out, numbers or checks a speech itself: it collects what the user
 * types, sends it to the server (the same library the CLI uses) and shows what comes back.
 * Everything a user reads is Simplified Chinese.
 */
'use strict';

(function () {
  // Browsers older than the features below see the notice that index.html shows by default.
  var modern = window.fetch && window.Promise && window.FormData && window.URLSearchParams &&
    window.localStorage !== undefined && window.CSS && CSS.supports && CSS.supports('display', 'grid') &&
    Array.prototype.includes && Object.entries;
  if (!modern) return;
  document.getElementById('old-browser').hidden = true;
  document.getElementById('app').hidden = false;
  start();
})();

function start() {
  const DRAFT_KEY = 'speechgen.draft';     // the one slot of earlier versions, read once
  const DRAFTS_KEY = 'speechgen.drafts';   // each document's own draft, newest first
  const MAX_DRAFTS = 8;
  const PROFILE_KEY = 'speechgen.profile';
  const DEBOUNCE_MS = 250;

  const S = {
    templates: [], byName: {}, pdf: false,
    mode: null,          // 'template' | 'outline'
    template: null,      // template name when mode is 'template'
    facts: {},           // the form's values, canonical field keys
    outline: null,       // the outline editor's tree (canonical outline keys)
    profile: readJSON(PROFILE_KEY),   // {name, text} of the house profile, kept in this browser
    previewSeq: 0, shownSeq: 0, timer: null, pendingSince: null,
    widgets: {},         // key path string -> field element, to place messages
    batchJob: null,
    draftId: null,       // which kept draft this tab's document is (see saveDraft)
  };
  // Timings for the browser test: input event → preview shown (ms, performance.now()).
  window.speechgenTimings = [];

  // --- small helpers --------------------------------------------------------------------------
  function $(id) { return document.getElementById(id); }
  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (v === null || v === undefined || v === false) return;
      if (k === 'text') node.textContent = v;
      else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else if (k === 'class') node.className = v;
      else if (v === true) node.setAttribute(k, '');
      else node.setAttribute(k, v);
    });
    children.flat().forEach((c) => {
      if (c === null || c === undefined || c === false) return;
      node.append(c.nodeType ? c : document.createTextNode(String(c)));
    });
    return node;
  }
  function readJSON(key) {
    try { return JSON.parse(localStorage.getItem(key) || 'null'); } catch (e) { return null; }
  }
  function writeJSON(key, value) {
    try { localStorage.setItem(key, JSON.stringify(value)); } catch (e) { /* full or disabled */ }
  }
  function isEmpty(v) {
    return v === undefined || v === null || v === '' ||
      (Array.isArray(v) && v.length === 0) ||
      (typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
  }
  function pruned(value) {
    // An added but still empty list item stays ({}), so the check names its missing fields.
    if (Array.isArray(value)) return value.map(pruned).filter((v) => !isEmpty(v) || (v && typeof v === 'object' && !Array.isArray(v)));
    if (value && typeof value === 'object') {
      const out = {};
      Object.entries(value).forEach(([k, v]) => { const p = pruned(v); if (!isEmpty(p)) out[k] = p; });
      return out;
    }
    return typeof value === 'string' ? value.trim() : value;
  }
  function getAt(root, path) {
    return path.reduce((node, step) => (node === undefined || node === null ? undefined : node[step]), root);
  }
  function setAt(root, path, value) {
    let node = root;
    path.slice(0, -1).forEach((step, i) => {
      if (node[step] === undefined || node[step] === null) node[step] = typeof path[i + 1] === 'number' ? [] : {};
      node = node[step];
    });
    node[path[path.length - 1]] = value;
  }
  function lines(text) { return text.split('\n').map((s) => s.trim()).filter(Boolean); }
  function isoDate(text) {
    const m = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日?$/.exec(String(text || '').trim());
    if (!m) return String(text || '');
    return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  }
  function problemsText(data) {
    if (data && data.problems && data.problems.length) return data.problems.map((p) => p.text).join('\n');
    return (data && data.error) || '请求失败,请重试。';
  }

  // An upload larger than the server takes is told here, before it is sent: past its own limit
  // waitress closes the connection while the browser is still sending, and the user would see
  // a broken connection instead of a message.
  function checkSize(body) {
    if (!(body instanceof FormData) || !S.maxBody) return;
    let total = 0;
    for (const value of body.values()) if (value instanceof Blob) total += value.size;
    if (total > S.maxBody) {
      const mb = (n) => (n / 1048576).toFixed(1).replace(/\.0$/, '');
      throw new Error(`文件太大(${mb(total)} MB),这个网页一次最多接收 ${mb(S.maxBody)} MB;`
        + '请换一个小一些的文件,或在命令行里用 speechgen 处理。');
    }
  }

  async function api(path, options) {
    checkSize(options && options.body);
    const response = await fetch(path, Object.assign({ credentials: 'same-origin' }, options || {}));
    const type = response.headers.get('Content-Type') || '';
    const data = type.startsWith('application/json') ? await response.json() : null;
    if (!response.ok) {
      const error = new Error(problemsText(data));
      error.data = data; error.status = response.status;
      throw error;
    }
    return data;
  }
  function filenameOf(response, fallback) {
    const header = response.headers.get('Content-Disposition') || '';
    const star = /filename\*=UTF-8''([^;]+)/i.exec(header);
    if (star) return decodeURIComponent(star[1]);
    const plain = /filename="([^"]+)"/.exec(header);
    return plain ? plain[1] : fallback;
  }
  async function download(path, form) {
    checkSize(form);
    const response = await fetch(path, { method: 'POST', body: form, credentials: 'same-origin' });
    if (!response.ok) {
      let data = null;
      try { data = await response.json(); } catch (e) { /* not JSON */ }
      throw new Error(problemsText(data));
    }
    const blob = await response.blob();
    const name = filenameOf(response, '讲话稿');
    const link = el('a', { href: URL.createObjectURL(blob), download: name });
    document.body.append(link);
    link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
    const warnings = response.headers.get('X-Speechgen-Warnings');
    return warnings ? `${name}\n提示:${decodeURIComponent(warnings)}` : name;
  }

  // --- views ------------------------------------------------------------------------------------
  function show(view) {
    document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== `view-${view}`; });
    document.querySelectorAll('.tab').forEach((t) => {
      if (t.dataset.view === view) t.setAttribute('aria-current', 'page');
      else t.removeAttribute('aria-current');
    });
    if (view === 'write' && !S.mode) { show('start'); return; }
    if (view === 'start') renderResume();
  }
  document.querySelectorAll('.tab').forEach((t) => t.addEventListener('click', () => show(t.dataset.view)));
  document.querySelectorAll('[data-goto]').forEach((b) => b.addEventListener('click', () => show(b.dataset.goto)));

  // --- draft kept in this browser ------------------------------------------------------------------
  // Each document keeps its own draft: with one slot, a second tab's typing replaced the first
  // tab's draft without a word (a tester).  A document started here gets a new id; one resumed
  // keeps its id, so it goes on updating its own entry.
  function readDrafts() {
    const list = readJSON(DRAFTS_KEY);
    if (Array.isArray(list)) return list;
    const old = readJSON(DRAFT_KEY);
    return old && old.mode ? [Object.assign({}, old, { id: 'earlier' })] : [];
  }
  function typedSomething(value) {
    // Anything a person wrote: a string, a number or a choice, at any depth.  An empty list
    // item ({}) is nothing yet.
    if (Array.isArray(value)) return value.some(typedSomething);
    if (value && typeof value === 'object') return Object.values(value).some(typedSomething);
    return value !== undefined && value !== null && value !== '' && value !== false;
  }
  function saveDraft() {
    // A form only looked at is no draft: eight card clicks saved eight empty drafts and pushed
    // a filled one out of the last eight (a tester).  One emptied again gives up its place.
    if (!typedSomething(pruned(S.mode === 'outline' ? S.outline : S.facts))) {
      if (S.draftId) writeJSON(DRAFTS_KEY, readDrafts().filter((d) => d.id !== S.draftId));
      return;
    }
    if (!S.draftId) S.draftId = `d${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
    const entry = { id: S.draftId, mode: S.mode, template: S.template, facts: S.facts, outline: S.outline,
      saved: new Date().toISOString() };
    writeJSON(DRAFTS_KEY, [entry, ...readDrafts().filter((d) => d.id !== S.draftId)].slice(0, MAX_DRAFTS));
    const time = new Date();
    $('draft-status').textContent = `草稿已自动保存在本浏览器(${time.getHours()}:${String(time.getMinutes()).padStart(2, '0')})`;
  }
  function draftTitle(draft) {
    if (draft.mode === 'outline') return (draft.outline && draft.outline.title) || '未命名提纲';
    const t = S.byName[draft.template];
    const meeting = draft.facts && (draft.facts.title || draft.facts.meeting);
    return `${t ? t.label : draft.template}${meeting ? ':' + meeting : ''}`;
  }
  function renderResume() {
    const drafts = readDrafts().filter((d) => d && d.mode);
    const box = $('resume');
    box.textContent = '';
    if (!drafts.length) { box.hidden = true; return; }
    box.hidden = false;
    drafts.forEach((draft, i) => {
      const when = draft.saved ? new Date(draft.saved).toLocaleString('zh-CN') : '';
      box.append(el('div', { class: 'resume-item' },
        el('div', {}, el('strong', { text: i ? '更早的稿子:' : '上次的稿子:' }), draftTitle(draft),
          el('span', { class: 'muted', text: when ? `(保存于 ${when})` : '' })),
        el('button', { type: 'button', class: i ? 'small' : 'primary', id: i ? `resume-draft-${i}` : 'resume-draft',
          onclick: () => {   // goes on as the same document, under its own id
            if (draft.mode === 'outline') openOutline(draft.outline || emptyOutline(), draft.id);
            else openTemplate(draft.template, draft.facts || {}, draft.id);
          } }, i ? '继续这份' : '继续上次的稿子')));
    });
  }

  // --- start screen ---------------------------------------------------------------------------
  function renderCards() {
    const box = $('template-cards');
    box.textContent = '';
    S.templates.filter((t) => t.name !== 'outline').forEach((t) => {
      box.append(el('button', { type: 'button', class: 'card', 'data-template': t.name,
        onclick: () => openTemplate(t.name, {}) },
      el('h4', { text: t.label }), el('p', { text: `何时使用:${t.when_to_use}` })));
    });
  }
  $('new-outline').addEventListener('click', () => openOutline(emptyOutline()));
  $('mine-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    const box = $('mine-result');
    if (!file) return;
    box.textContent = '正在提取……';
    const form = new FormData();
    form.append('file', file);
    try {
      const data = await api('/api/mine', { method: 'POST', body: form });
      box.textContent = '';
      if (data.speeches.length === 1) { openOutline(data.speeches[0].outline); return; }
      box.append(el('p', { text: `在 ${data.file} 中找到 ${data.speeches.length} 篇讲话稿,请选择一篇:` }));
      data.speeches.forEach((s, i) => box.append(el('button', { type: 'button', class: 'small',
        onclick: () => openOutline(s.outline) }, `${i + 1}. ${s.title || '(无标题)'}(${s.sections} 个部分)`), ' '));
    } catch (error) {
      box.textContent = error.message;
    } finally {
      event.target.value = '';
    }
  });
  $('load-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    const box = $('load-result');
    if (!file) return;
    const form = new FormData();
    form.append('file', file);
    try {
      const data = await api('/api/load', { method: 'POST', body: form });
      box.textContent = '';
      if (data.template === 'outline') openOutline(data.data);
      else openTemplate(data.template, data.data);
    } catch (error) {
      box.textContent = error.message;
    } finally {
      event.target.value = '';
    }
  });

  // --- the form, generated from the template's field declarations ------------------------------------
  function openTemplate(name, facts, draftId) {   // draftId: a kept draft resumed, else a new one
    S.mode = 'template'; S.template = name; S.facts = facts || {}; S.outline = null;
    S.draftId = draftId || null;
    delete S.facts.template;
    $('rephrase').hidden = !S.byName[name].fields.some((f) => f.key === 'variant');
    renderEditor();
    show('write');
    schedulePreview(true);
    const first = $('editor').querySelector('input, textarea, select');
    if (first) first.focus();
  }

  function keyPath(path) {   // canonical keys and 1-based [n], as the validator names a place
    return path.reduce((out, step) => (typeof step === 'number' ? `${out}[${step + 1}]` : (out ? `${out}.${step}` : step)), '');
  }
  function register(path, labels, node) {
    S.widgets[keyPath(path)] = node;
    if (labels.length) S.widgets[labels.join('.')] = S.widgets[labels.join('.')] || node;
    S.widgets[JSON.stringify(path)] = node;
  }
  function fieldId(path) { return 'f-' + path.join('-'); }

  function renderEditor() {
    const editor = $('editor');
    const scroll = $('editor-pane').scrollTop;
    const focused = document.activeElement && document.activeElement.id;
    editor.textContent = '';
    S.widgets = {};
    if (S.mode === 'template') renderForm(editor);
    else renderOutline(editor);
    $('editor-pane').scrollTop = scroll;
    const again = focused && $(focused);
    if (again) again.focus();
  }

  function renderForm(editor) {
    const t = S.byName[S.template];
    editor.append(el('h2', { class: 'form-title', text: t.label }),
      el('p', { class: 'when', text: `何时使用:${t.when_to_use}` }),
      el('p', { class: 'help' }, '带 ', el('span', { class: 'req', text: '*' }), ' 的为必填项;灰色文字是示例,不填则不出现在稿中。'));
    t.fields.forEach((spec) => editor.append(fieldWidget(spec, [spec.key], [spec.label])));
  }

  function example(spec) {
    if (spec.example === null || spec.example === undefined) return null;
    if (Array.isArray(spec.example)) return spec.example.map((e) => (typeof e === 'object' ? '' : String(e))).join('\n');
    return typeof spec.example === 'object' ? null : `例如:${spec.example}`;
  }

  function fieldWidget(spec, path, labels) {
    const id = fieldId(path);
    const box = el('div', { class: 'field', 'data-key-path': keyPath(path) });
    register(path, labels, box);
    const labelText = [spec.label, spec.required ? el('span', { class: 'req', title: '必填', text: '*' }) : null];
    const value = getAt(S.facts, path);
    const changed = (v) => { setAt(S.facts, path, v); clearError(box); schedulePreview(); };
    let control = null;
    if (spec.type === 'group') {
      const set = el('fieldset', { class: 'field', 'data-key-path': keyPath(path) }, el('legend', {}, labelText));
      register(path, labels, set);
      if (spec.help) set.append(el('p', { class: 'help', text: spec.help }));
      set.append(el('div', { class: 'err', hidden: true }));
      spec.children.forEach((c) => set.append(fieldWidget(c, path.concat(c.key), labels.concat(c.label))));
      return set;
    }
    if (spec.type === 'list') return listWidget(spec, path, labels);
    if (spec.type === 'paragraphs') {
      control = el('textarea', { id, rows: 3, placeholder: example(spec) || '一行一段' });
      control.value = (value || []).join('\n');
      control.addEventListener('input', () => changed(lines(control.value)));
    } else if (spec.type === 'date') {
      // Typed as offices write dates (2025年2月20日), or picked from the calendar beside it.
      control = el('input', { id, type: 'text', placeholder: example(spec) || '例如:2025年2月20日' });
      control.value = value || '';
      control.addEventListener('input', () => changed(control.value));
      const picker = el('input', { type: 'date', class: 'date-picker', id: id + '-picker', 'aria-label': `从日历选择${spec.label}`, title: '从日历选择' });
      picker.value = isoDate(value);
      picker.addEventListener('input', () => {
        const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(picker.value);
        if (!m) return;
        control.value = `${m[1]}年${Number(m[2])}月${Number(m[3])}日`;
        changed(control.value);
      });
      box.append(el('label', { for: id }, labelText), el('div', { class: 'date-row' }, control, picker));
      control = null;
    } else if (spec.type === 'number') {
      control = el('input', { id, type: 'number', step: 1, min: 0, placeholder: spec.example || '' });
      control.value = value === undefined || value === null ? '' : value;
      control.addEventListener('input', () => changed(control.value));
    } else if (spec.type === 'choice' || spec.type === 'bool') {
      const options = spec.type === 'bool' ? [['', '(不填)'], ['是', '是'], ['否', '否']]
        : [['', '(不填)']].concat((spec.options || spec.choices).map((c) => [c, c]));
      control = el('select', { id }, options.map(([v, text]) => el('option', { value: v, text })));
      control.value = value === true ? '是' : value === false ? '否' : (value || '');
      control.addEventListener('change', () => changed(control.value));
    } else {
      control = el('input', { id, type: 'text', placeholder: example(spec) || '' });
      control.value = value === undefined || value === null ? '' : value;
      control.addEventListener('input', () => changed(control.value));
    }
    if (control) box.append(el('label', { for: id }, labelText), control);
    else control = $(id) || box.querySelector('input');
    if (spec.help) {
      control.setAttribute('aria-describedby', id + '-help');
      box.append(el('p', { class: 'help', id: id + '-help', text: spec.help + (spec.type === 'paragraphs' && !spec.help.includes('一行一段') ? '(一行一段)' : '') }));
    } else if (spec.type === 'paragraphs') {
      box.append(el('p', { class: 'help', text: '一行一段' }));
    }
    box.append(el('div', { class: 'err', id: id + '-err', hidden: true }));
    return box;
  }

  function rowTools(list, index, path, what) {
    const move = (to) => () => {
      const [item] = list.splice(index, 1);
      list.splice(to, 0, item);
      S.focusAfter = fieldId(path.concat(to)) + (to < index ? '-up' : '-down');
      changedStructure();
    };
    return el('div', { class: 'row-tools' },
      el('button', { type: 'button', class: 'small', id: fieldId(path.concat(index)) + '-up', disabled: index === 0, onclick: move(index - 1), 'aria-label': `${what}第${index + 1}项上移` }, '上移'),
      el('button', { type: 'button', class: 'small', id: fieldId(path.concat(index)) + '-down', disabled: index === list.length - 1, onclick: move(index + 1), 'aria-label': `${what}第${index + 1}项下移` }, '下移'),
      el('button', { type: 'button', class: 'small', onclick: () => { list.splice(index, 1); changedStructure(); }, 'aria-label': `删除${what}第${index + 1}项` }, '删除'));
  }

  function listWidget(spec, path, labels) {
    const set = el('fieldset', { class: 'field', 'data-key-path': keyPath(path) },
      el('legend', {}, spec.label, spec.required ? el('span', { class: 'req', title: '必填', text: '*' }) : null));
    register(path, labels, set);
    if (spec.help) set.append(el('p', { class: 'help', text: spec.help }));
    set.append(el('div', { class: 'err', hidden: true }));
    let list = getAt(S.facts, path);
    if (!Array.isArray(list)) { list = []; }
    const examples = Array.isArray(spec.example) ? spec.example : [];
    list.forEach((item, index) => {
      const itemPath = path.concat(index);
      const itemLabels = labels.slice(0, -1).concat(`${labels[labels.length - 1]}[${index + 1}]`);
      if (spec.item === 'group') {
        const item = el('fieldset', { class: 'item field', 'data-key-path': keyPath(itemPath) },
          el('legend', { text: `第 ${index + 1} 项` }), rowTools(list, index, path, spec.label),
          el('div', { class: 'err', hidden: true }));
        register(itemPath, itemLabels, item);
        spec.children.forEach((c) => item.append(fieldWidget(c, itemPath.concat(c.key), itemLabels.concat(c.label))));
        set.append(item);
      } else {
        const input = el('input', { type: 'text', id: fieldId(itemPath), 'aria-label': `${spec.label}第${index + 1}项`,
          placeholder: examples[index] !== undefined ? `例如:${examples[index]}` : '' });
        input.value = item || '';
        input.addEventListener('input', () => { list[index] = input.value; schedulePreview(); });
        const row = el('div', { class: 'text-row field', 'data-key-path': keyPath(itemPath) }, input, rowTools(list, index, path, spec.label));
        register(itemPath, itemLabels, row);
        set.append(row);
      }
    });
    set.append(el('button', { type: 'button', class: 'small', id: fieldId(path) + '-add', onclick: () => {
      setAt(S.facts, path, list.concat([spec.item === 'group' ? {} : '']));
      S.focusAfter = fieldId(path.concat(list.length)) + (spec.item === 'group' ? '-' + spec.children[0].key : '');
      changedStructure();
    } }, `添加一项${spec.label}`));
    return set;
  }

  function changedStructure() {
    renderEditor();
    if (S.focusAfter && $(S.focusAfter)) $(S.focusAfter).focus();
    S.focusAfter = null;
    schedulePreview(true);
  }

  // --- the outline editor ------------------------------------------------------------------------
  function emptyOutline() {
    return { template: 'outline', title: '', salutation: '同志们:', opening: [],
      sections: [{ heading: '', paragraphs: [] }], closing: [], signoff: [] };
  }
  function openOutline(outline, draftId) {
    S.mode = 'outline'; S.template = null; S.facts = {}; S.draftId = draftId || null;
    $('rephrase').hidden = true;   // an outline is the user's own words: no glue to change
    S.outline = Object.assign(emptyOutline(), outline || {}, { template: 'outline' });
    renderEditor();
    show('write');
    schedulePreview(true);
  }
  const LEVEL_NAMES = ['一级标题', '二级标题', '三级标题', '四级标题'];
  const MAX_LEVEL = 4;

  function outlineText(key, label, help, multi) {
    const id = fieldId([key]);
    const box = el('div', { class: 'field' });
    register([key], [label], box);
    const value = S.outline[key];
    const control = multi ? el('textarea', { id, rows: 3, placeholder: help }) : el('input', { id, type: 'text', placeholder: help });
    control.value = multi ? (value || []).join('\n') : (value || '');
    control.addEventListener('input', () => {
      S.outline[key] = multi ? lines(control.value) : control.value;
      clearError(box); schedulePreview();
    });
    box.append(el('label', { for: id, text: label }), control, el('div', { class: 'err', hidden: true }));
    return box;
  }

  function depth(section) {
    return 1 + Math.max(0, ...(section.sections || []).map(depth));
  }

  // What mine said of the file (a table turned into lines, a structure not fully read …), as the
  // command line prints it, kept above the outline until the user has read it: the page opened
  // the outline without a word of it (a tester).
  function minedNotes() {
    const flags = (S.outline.flags || []).map((f) => f.message).filter(Boolean);
    if (!flags.length) return '';
    return el('div', { class: 'message', id: 'mined-notes' },
      el('p', { text: `从“${(S.outline.source && S.outline.source.file) || '文件'}”取出时请注意:` }),
      ...flags.map((text) => el('p', { text })),
      el('button', { type: 'button', class: 'small', onclick: () => { delete S.outline.flags; renderEditor(); } }, '知道了'));
  }
  function renderOutline(editor) {
    editor.append(el('h2', { class: 'form-title', text: '提纲编辑' }),
      el('p', { class: 'when', text: '编号(一、(一)1.(1))由程序按结构自动排,移动、升降级后右侧即时更新。开头里“我讲N点意见”是原文,部分增减后请自己改;与部分数不符时,下方检查结果会指出。' }),
      minedNotes(),
      outlineText('title', '标题', '例如:在全县经济工作会议上的讲话'),
      outlineText('subtitle', '副标题', '可不写'),
      outlineText('speaker', '讲话人', '例如:县委书记　王宏'),
      outlineText('date', '日期', '例如:2025年1月5日'),
      outlineText('salutation', '称呼', '同志们:'),
      outlineText('duration', '计划讲话时长', '例如:15分钟(检查篇幅用,不出现在稿中)'),
      outlineText('opening', '开头(一行一段)', '开头各段,一行一段', true));
    const tree = el('ol', { class: 'tree', 'aria-label': '各级标题' });
    S.outline.sections = S.outline.sections || [];
    S.outline.sections.forEach((s, i) => tree.append(sectionItem(S.outline.sections, i, [i], 1)));
    editor.append(el('h3', { text: '正文各部分' }), tree,
      el('button', { type: 'button', id: 'add-top', onclick: () => {
        S.outline.sections.push({ heading: '', paragraphs: [] });
        S.focusAfter = `sec-${S.outline.sections.length - 1}-heading`;
        changedStructure();
      } }, '添加一级标题'),
      outlineText('closing', '结尾(一行一段)', '结尾各段,一行一段', true),
      outlineText('signoff', '结束语', '例如:谢谢大家!', true));
  }

  function sectionItem(list, index, tpath, level) {
    const section = list[index];
    const sid = 'sec-' + tpath.join('-');
    const dataPath = tpath.reduce((out, i) => out.concat(['sections', i]), []);
    const heading = el('input', { type: 'text', id: `${sid}-heading`, 'aria-label': `${LEVEL_NAMES[level - 1]}第${index + 1}项的标题`,
      placeholder: '标题文字(不写编号)' });
    heading.value = section.heading || '';
    heading.addEventListener('input', () => { section.heading = heading.value; schedulePreview(); });
    const paragraphs = el('textarea', { id: `${sid}-paragraphs`, rows: 2, placeholder: '本部分的段落,一行一段',
      'aria-label': `${LEVEL_NAMES[level - 1]}第${index + 1}项的段落` });
    paragraphs.value = (section.paragraphs || []).join('\n');
    paragraphs.addEventListener('input', () => { section.paragraphs = lines(paragraphs.value); schedulePreview(); });
    const lead = el('select', { id: `${sid}-lead`, 'aria-label': '标题的排法' },
      el('option', { value: '', text: '默认排法' }), el('option', { value: 'own', text: '标题单独一行' }),
      el('option', { value: 'lead', text: '标题领起段落' }));
    lead.value = section.lead === true ? 'lead' : section.lead === false ? 'own' : '';
    lead.addEventListener('change', () => {
      if (lead.value === '') delete section.lead; else section.lead = lead.value === 'lead';
      schedulePreview();
    });
    const act = (label, name, enabled, fn) => el('button', { type: 'button', class: 'small', id: `${sid}-${name}`,
      disabled: !enabled, 'aria-label': `${LEVEL_NAMES[level - 1]}第${index + 1}项${label}`, onclick: fn }, label);
    const tools = el('div', { class: 'row-tools' },
      act('上移', 'up', index > 0, () => { swap(list, index, index - 1); focusSection(tpath.slice(0, -1).concat(index - 1), 'up'); }),
      act('下移', 'down', index < list.length - 1, () => { swap(list, index, index + 1); focusSection(tpath.slice(0, -1).concat(index + 1), 'down'); }),
      act('升级', 'outdent', level > 1, () => outdent(tpath)),
      act('降级', 'indent', index > 0 && level + depth(section) - 1 < MAX_LEVEL && level < MAX_LEVEL, () => indent(list, index, tpath)),
      act('添加下级', 'child', level < MAX_LEVEL, () => {
        section.sections = (section.sections || []).concat([{ heading: '', paragraphs: [] }]);
        focusSection(tpath.concat(section.sections.length - 1), 'heading');
      }),
      act('删除', 'delete', true, () => { list.splice(index, 1); focusSection(null); }));
    const head = el('div', { class: 'sec-head' }, el('span', { class: 'marker', text: `${LEVEL_NAMES[level - 1].slice(0, 2)} ${index + 1}` }), heading, lead);
    const box = el('div', { class: 'sec-box field', 'data-key-path': keyPath(dataPath) }, head, paragraphs, tools,
      el('div', { class: 'err', hidden: true }));
    register(dataPath, [], box);
    register(dataPath.concat('heading'), [], box);
    const item = el('li', { class: 'sec', id: sid }, box);
    if ((section.sections || []).length) {
      const children = el('ol');
      section.sections.forEach((c, i) => children.append(sectionItem(section.sections, i, tpath.concat(i), level + 1)));
      item.append(children);
    }
    return item;
  }
  function getSection(tpath) {
    let list = S.outline.sections;
    let node = null;
    tpath.forEach((i) => { node = list[i]; list = node.sections = node.sections || []; });
    return node;
  }
  function siblings(tpath) {
    return tpath.length === 1 ? S.outline.sections : getSection(tpath.slice(0, -1)).sections;
  }
  function swap(list, a, b) { const t = list[a]; list[a] = list[b]; list[b] = t; }
  function focusSection(tpath, what) {
    S.focusAfter = tpath ? `sec-${tpath.join('-')}-${what}` : 'add-top';
    changedStructure();
    const target = S.focusAfter && $(S.focusAfter);
    if (tpath && !target) { const h = $(`sec-${tpath.join('-')}-heading`); if (h) h.focus(); }
  }
  // A section that changes level takes that level's marker shape (一、 → （一）), and so does
  // everything under it: a mined "一是" kept at a new level would read wrong.
  function levelDefault(section) {
    delete section.numbering;
    (section.sections || []).forEach(levelDefault);
  }
  function indent(list, index, tpath) {        // becomes the last child of the one above
    const [moved] = list.splice(index, 1);
    levelDefault(moved);
    const parent = list[index - 1];
    parent.sections = (parent.sections || []).concat([moved]);
    focusSection(tpath.slice(0, -1).concat(index - 1, parent.sections.length - 1), 'indent');
  }
  function outdent(tpath) {                    // moves out, right after its parent
    const parentPath = tpath.slice(0, -1);
    const list = siblings(tpath);
    const [moved] = list.splice(tpath[tpath.length - 1], 1);
    levelDefault(moved);
    const outer = siblings(parentPath);
    const at = parentPath[parentPath.length - 1] + 1;
    outer.splice(at, 0, moved);
    focusSection(parentPath.slice(0, -1).concat(at), 'outdent');
  }

  // --- live preview --------------------------------------------------------------------------------
  function payload() {
    if (S.mode === 'outline') return Object.assign(pruned(S.outline), { template: 'outline' });
    return Object.assign({ template: S.template }, pruned(S.facts));
  }
  function schedulePreview(now) {
    if (S.pendingSince === null) S.pendingSince = performance.now();
    saveDraft();
    clearTimeout(S.timer);
    S.timer = setTimeout(runPreview, now ? 0 : DEBOUNCE_MS);
    document.body.dataset.busy = '1';
  }
  async function runPreview() {
    S.timer = null;
    S.inflight = (S.inflight || 0) + 1;
    try {
      await fetchPreview();
    } finally {
      S.inflight -= 1;
      // For tests and the bench: nothing typed is still waiting for its preview.
      document.body.dataset.busy = S.inflight || S.timer ? '1' : '0';
    }
  }
  async function fetchPreview() {
    const seq = ++S.previewSeq;
    const since = S.pendingSince;
    S.pendingSince = null;
    let data;
    try {
      data = await api('/api/preview', { method: 'POST', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(payload()) });
    } catch (error) {
      if (seq < S.shownSeq) return;
      S.shownSeq = seq;
      showProblems(error.data ? error.data.problems || [] : [], error.message);
      if (!$('preview').textContent.trim()) {
        $('preview').textContent = '';
        $('preview').append(el('p', { class: 'paper-empty', text: '填好左侧标 * 的必填项后,这里即时显示成稿。' }));
      }
      document.body.dataset.previewSeq = String(seq);
      recordTiming(since);
      return;
    }
    if (seq < S.shownSeq) return;
    S.shownSeq = seq;
    clearErrors();
    $('write-message').hidden = true;
    $('preview').innerHTML = data.html;  // built by the server's HTML writer; user text escaped
    const st = data.stats;
    $('stats').textContent = `全文 ${st.chars} 字,${data.points} 个部分,按每分钟 ${st.rate} 字约讲 ${st.minutes} 分钟` +
      (st.target_minutes ? `(计划 ${st.target_minutes} 分钟)` : '');
    renderFindings(data.findings);
    document.body.dataset.previewSeq = String(seq);
    recordTiming(since);
  }
  function recordTiming(since) {
    if (since !== null) window.speechgenTimings.push(performance.now() - since);
  }
  const SEVERITY = { error: '错误', warning: '警告', info: '提示' };
  function renderFindings(findings) {
    const list = $('findings');
    list.textContent = '';
    if (!findings.length) { list.append(el('li', { class: 'muted', text: '未发现问题。' })); return; }
    findings.forEach((f) => {
      const where = [f.paragraph ? `第${f.paragraph}段` : '', f.section ? `(${f.section})` : ''].join('');
      list.append(el('li', {}, el('button', { type: 'button', onclick: () => flashParagraph(f.paragraph) },
        el('span', { class: `sev sev-${f.severity}`, text: SEVERITY[f.severity] || f.severity }),
        `${where} ${f.text ? '“' + f.text + '”' : ''}${f.message}`)));
    });
  }
  function flashParagraph(number) {
    const target = number && document.querySelector(`#preview [data-para="${number}"]`);
    if (!target) return;
    document.querySelectorAll('#preview .flash').forEach((p) => p.classList.remove('flash'));
    target.classList.add('flash');
    target.scrollIntoView({ block: 'center', behavior: 'smooth' });
  }

  // --- validation messages at their fields --------------------------------------------------------
  function clearError(box) {
    box.classList.remove('has-error');
    const err = box.querySelector(':scope > .err');
    if (err) { err.hidden = true; err.textContent = ''; }
  }
  function clearErrors() {
    document.querySelectorAll('#editor .has-error').forEach(clearError);
  }
  function widgetFor(problem) {
    const candidates = [];
    if (problem.key_path && problem.key_path.length) {
      for (let n = problem.key_path.length; n > 0; n--) candidates.push(JSON.stringify(problem.key_path.slice(0, n)));
    }
    if (problem.path) {
      candidates.push(problem.path);
      const parts = problem.path.split('.');
      for (let n = parts.length - 1; n > 0; n--) candidates.push(parts.slice(0, n).join('.'));
    }
    for (const key of candidates) if (S.widgets[key]) return S.widgets[key];
    return null;
  }
  function showProblems(problems, fallback) {
    clearErrors();
    const unplaced = [];
    problems.forEach((p) => {
      const box = widgetFor(p);
      if (!box) { unplaced.push(p.text); return; }
      box.classList.add('has-error');
      const err = box.querySelector(':scope > .err');
      if (err) { err.hidden = false; err.textContent = (err.textContent ? err.textContent + '\n' : '') + p.message; }
    });
    const message = $('write-message');
    const placed = problems.length - unplaced.length;
    message.className = 'message';
    message.textContent = (placed ? `有 ${placed} 处需要修改,已在左侧对应的栏目下标出。` : '') +
      (unplaced.length ? (placed ? '\n' : '') + unplaced.join('\n') : (problems.length ? '' : fallback));
    message.hidden = false;
  }

  // --- downloads and the house profile --------------------------------------------------------------
  function renderProfile() {
    $('profile-status').textContent = S.profile ? `已用:${S.profile.name}` : '';
    $('profile-clear').hidden = !S.profile;
    // the check and batch tabs use it too: say so there (a batch made with it gave no sign, a tester)
    document.querySelectorAll('.profile-in-use').forEach((span) => {
      span.hidden = !S.profile;
      span.textContent = S.profile ? `另加本单位版式“${S.profile.name}”(在“撰写”页可改为不用)` : '';
    });
  }
  $('profile-file').addEventListener('change', async (event) => {
    const file = event.target.files[0];
    if (!file) return;
    const form = new FormData();
    form.append('profile', file);   // decoded by the server as the CLI decodes it (GBK, UTF-16 …)
    try {
      const { text, warnings } = await api('/api/profile', { method: 'POST', body: form });
      S.profile = { name: file.name, text };
      writeJSON(PROFILE_KEY, S.profile);
      // what render --profile warns of the same file, said here too (a tester)
      note([`本单位版式“${file.name}”已启用,之后的每次下载都按它排版,检查 Word 稿也按它核对(保存在本浏览器中)。`,
        ...(warnings || []).map((w) => `提示:${w}`)].join('\n'), true);
    } catch (error) {
      note(`本单位版式有误,未启用:\n${error.message}`);
    }
    event.target.value = '';
    renderProfile();
    runCheck();   // a draft already checked is checked again against the layout now in use
  });
  $('profile-clear').addEventListener('click', () => {
    S.profile = null; localStorage.removeItem(PROFILE_KEY); renderProfile();
    note('已改回标准版式。', true);
    runCheck();
  });
  function note(text, ok) {
    const message = $('write-message');
    message.className = ok ? 'message ok' : 'message';
    message.textContent = text;
    message.hidden = false;
  }
  // 换一种说法: the next 套话版本 (issue 14); the glue is picked from it deterministically, so the
  // same version always gives the same draft, and the form shows the number that did it.
  $('rephrase').addEventListener('click', () => {
    S.facts.variant = (Number(S.facts.variant) || 0) + 1;
    renderEditor();
    schedulePreview(true);
  });
  document.querySelectorAll('.dl').forEach((button) => button.addEventListener('click', async () => {
    const form = new FormData();
    form.append('input', JSON.stringify(payload()));
    form.append('input_type', 'application/json');
    if (S.profile) form.append('profile', S.profile.text);
    const { format, layout } = button.dataset;
    button.disabled = true;
    const label = button.textContent;
    if (format === 'pdf') button.textContent = '正在生成 PDF……';
    try {
      const name = await download(`/api/render?format=${format}&layout=${layout}`, form);
      note(`已下载:${name}`, true);
    } catch (error) {
      note(error.message);
    } finally {
      button.disabled = false;
      button.textContent = label;
    }
  }));

  // --- check a draft --------------------------------------------------------------------------------
  let checkFile = null;
  // What the page offers for a finding `check --fix` repairs: the button under the report.
  const FIX_HINT = `(可点“${$('check-fix').textContent}”修正)`;
  // A 大字版 was checked as the standard layout only, with no way to say otherwise (a tester).
  $('check-file').addEventListener('change', (event) => {
    checkFile = event.target.files[0];
    event.target.value = '';
    runCheck();
  });
  $('check-layout').addEventListener('change', () => runCheck());
  async function runCheck() {
    if (!checkFile) return;
    $('check-name').textContent = checkFile.name;
    const box = $('check-result');
    box.textContent = '正在检查……';
    const form = new FormData();
    form.append('file', checkFile);
    form.append('layout', $('check-layout').value);
    if (S.profile) form.append('profile', S.profile.text);   // checked against the house's own layout
    try {
      const data = await api('/api/check', { method: 'POST', body: form });
      box.textContent = '';
      const s = data.summary;
      const st = data.stats;
      box.append(el('p', {}, el('strong', { text: `错误 ${s.error || 0} 处,警告 ${s.warning || 0} 处,提示 ${s.info || 0} 处。` }),
        ` 全文 ${st.chars} 字,约讲 ${st.minutes} 分钟。`));
      // The one line that explains twenty font errors goes above them, not below (seen in the
      // screenshot 10b-check-podium.png: a 大字版's hint sat under 21 rows).
      const other = data.findings.find((f) => f.id === 'layout-other');
      if (other) box.append(el('p', { class: 'message', id: 'check-layout-hint', text: other.message }));
      if (data.findings.length) {
        box.append(el('table', { class: 'report' }, el('thead', {}, el('tr', {}, ['级别', '位置', '原文', '问题'].map((h) => el('th', { text: h })))),
          el('tbody', {}, data.findings.map((f) => el('tr', { class: f.severity === 'error' ? 'failed' : '' },
            el('td', { text: SEVERITY[f.severity] || f.severity }),
            el('td', { text: [f.line ? `第${f.line}行` : f.paragraph ? `第${f.paragraph}段` : '', f.section ? `(${f.section})` : ''].join('') || '全文' }),
            el('td', { text: f.text || '' }), el('td', { text: f.message + (f.fixable ? FIX_HINT : '') }))))));
      } else {
        box.append(el('p', { text: '未发现问题。' }));
      }
      $('check-fix').hidden = !data.findings.some((f) => f.fixable);
    } catch (error) {
      box.textContent = error.message;
      $('check-fix').hidden = true;
    }
  }
  $('check-fix').addEventListener('click', async () => {
    if (!checkFile) return;
    const form = new FormData();
    form.append('file', checkFile);
    try {
      const name = await download('/api/fix', form);
      $('check-result').prepend(el('p', { class: 'message ok', text: `已下载修正后的稿子:${name}(原文件未改动)` }));
    } catch (error) {
      $('check-result').prepend(el('p', { class: 'message', text: error.message }));
    }
  });

  // --- batch -------------------------------------------------------------------------------------------
  const STATUS = { ok: '可以生成', written: '已生成', checked: '检查通过', failed: '有问题', skipped: '已跳过', exists: '未覆盖' };
  function batchForm(action) {
    const form = new FormData();
    form.append('sheet', $('batch-file').files[0]);
    form.append('template', $('batch-template').value);
    form.append('sheet_name', $('batch-sheet').value);
    form.append('name', $('batch-name').value.trim());
    form.append('layout', $('batch-layout').value);
    form.append('action', action);
    const map = [];
    document.querySelectorAll('#batch-columns select').forEach((s) => {
      if (s.value) map.push(`${JSON.stringify(s.dataset.header)}: ${JSON.stringify(s.value)}`);
    });
    if (map.length) form.append('mapping', map.join('\n') + '\n');
    if (S.profile) form.append('profile', S.profile.text);
    return form;
  }
  function renderBatchRows(rows, verb) {
    const box = $('batch-result');
    box.textContent = '';
    const bad = rows.filter((r) => r.status === 'failed' || r.status === 'exists').length;
    box.append(el('p', {}, el('strong', { text: `共 ${rows.length} 行,${rows.length - bad} 行${verb},${bad} 行有问题。` }),
      bad ? ' 有问题的行不会生成,其余照常生成;改好表格后可重新上传。' : ''));
    box.append(el('table', { class: 'report', id: 'batch-table' },
      el('thead', {}, el('tr', {}, ['行号', '结果', '文件', '问题(单元格 字段:说明)'].map((h) => el('th', { text: h })))),
      el('tbody', {}, rows.map((r) => el('tr', { class: r.status === 'failed' ? 'failed' : '' },
        el('td', { text: String(r.row) }), el('td', { text: STATUS[r.status] || r.status }), el('td', { text: r.name || '' }),
        el('td', {}, [...r.problems.map((p) => el('div', { text: p.text })),
          ...(r.notes || []).map((n) => el('div', { class: 'note', text: `提示:${n}` }))]))))));
  }
  function renderColumns(data) {
    const box = $('batch-columns');
    box.textContent = '';
    const sheet = $('batch-sheet');
    const chosen = sheet.value;
    sheet.textContent = '';
    data.sheets.forEach((name, i) => sheet.append(el('option', { value: i === 0 ? '' : name, text: name })));
    sheet.value = chosen;
    if (!$('batch-template').value) {
      $('batch-template').value = data.template;
    }
    const unused = data.columns.filter((c) => !c.used && c.header);
    if (!unused.length) return;
    box.append(el('h3', { text: '列名对应' }),
      el('p', { class: 'help', text: `模板“${data.template_label}”用不到下面这些列;如果某列其实是模板中的某一项,请选出来,否则留空(可以在文件名格式中用 {列名} 引用它)。` }));
    const grid = el('div', { class: 'form-grid' });
    unused.forEach((c, i) => {
      grid.append(el('label', { for: `map-${i}`, text: c.header }),
        el('select', { id: `map-${i}`, 'data-header': c.header },
          el('option', { value: '', text: '(不使用)' }), data.fields.map((f) => el('option', { value: f, text: f }))));
    });
    box.append(grid);
  }
  $('batch-file').addEventListener('change', () => {
    const file = $('batch-file').files[0];
    $('batch-file-name').textContent = file ? file.name : '未选择文件';
    $('batch-columns').textContent = ''; $('batch-result').textContent = '';
    $('batch-sheet').textContent = ''; $('batch-sheet').append(el('option', { value: '', text: '第一张' }));
    $('batch-run').disabled = true; $('batch-zip').hidden = true;
  });
  $('batch-check').addEventListener('click', async () => {
    if (!$('batch-file').files[0]) { $('batch-result').textContent = '请先选择表格文件(.xlsx 或 .csv)。'; return; }
    $('batch-result').textContent = '正在检查……';
    try {
      const keep = {};
      document.querySelectorAll('#batch-columns select').forEach((s) => { keep[s.dataset.header] = s.value; });
      const data = await api('/api/batch', { method: 'POST', body: batchForm('check') });
      renderColumns(data);
      document.querySelectorAll('#batch-columns select').forEach((s) => { if (keep[s.dataset.header]) s.value = keep[s.dataset.header]; });
      renderBatchRows(data.rows, '检查通过');
      $('batch-run').disabled = !data.rows.some((r) => r.status !== 'failed');
    } catch (error) {
      $('batch-result').textContent = error.message;
      $('batch-run').disabled = true;
      if (error.data && error.data.columns) {  // the sheet refused as a whole: map its columns
        renderColumns(error.data);
        $('batch-result').append(el('p', { class: 'help', text: '可在左侧“列名对应”中指出每一列对应模板的哪一项,再点“检查表格”。' }));
      }
    }
  });
  $('batch-run').addEventListener('click', async () => {
    $('batch-run').disabled = true;
    $('batch-zip').hidden = true;
    try {
      const data = await api('/api/batch', { method: 'POST', body: batchForm('generate') });
      S.batchJob = data.job;
      const bar = $('batch-progress');
      bar.hidden = false; bar.max = Math.max(1, data.rows.length); bar.value = 0;
      for (;;) {
        const p = await api(`/api/batch/${S.batchJob}`);
        bar.value = p.done;
        $('batch-progress-text').textContent = `已处理 ${p.done} / ${p.total} 行`;
        if (p.finished) {
          if (p.error) { $('batch-result').textContent = p.error.map((e) => e.text).join('\n'); break; }
          renderBatchRows(p.rows, '已生成');
          $('batch-progress-text').textContent = `完成:${p.rows.filter((r) => r.status === 'ok' || r.status === 'written').length} 个文件已打包。`;
          $('batch-zip').hidden = !p.zip;
          break;
        }
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
    } catch (error) {
      $('batch-result').textContent = error.message;
    } finally {
      $('batch-run').disabled = false;
    }
  });
  $('batch-zip').addEventListener('click', async () => {
    const response = await fetch(`/api/batch/${S.batchJob}/zip`, { credentials: 'same-origin' });
    const blob = await response.blob();
    const link = el('a', { href: URL.createObjectURL(blob), download: filenameOf(response, '批量生成.zip') });
    document.body.append(link); link.click();
    setTimeout(() => { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  });

  // --- quit -----------------------------------------------------------------------------------------
  $('quit').addEventListener('click', async () => {
    try { await api('/api/quit', { method: 'POST' }); } catch (e) { /* already stopped */ }
    document.querySelectorAll('.bar nav, #quit').forEach((n) => { n.hidden = true; });
    document.querySelectorAll('.view').forEach((v) => { v.hidden = v.id !== 'view-bye'; });
  });

  // --- start --------------------------------------------------------------------------------------
  (async function init() {
    try {
      const [templates, status] = await Promise.all([api('/api/templates'), api('/api/status')]);
      S.templates = templates;
      templates.forEach((t) => { S.byName[t.name] = t; });
      S.pdf = status.pdf;
      S.maxBody = status.max_body;
      templates.filter((t) => t.name !== 'outline').forEach((t) =>
        $('batch-template').append(el('option', { value: t.name, text: t.label })));
      ['check-layout', 'batch-layout'].forEach((id) => status.layouts.forEach((l) =>
        $(id).append(el('option', { value: l.name, text: l.label }))));
    } catch (error) {
      $('template-cards').textContent = error.message;
    }
    const pdf = $('dl-pdf');
    pdf.disabled = !S.pdf;
    pdf.title = S.pdf ? '通过本机的 LibreOffice 生成 PDF' : '本机未安装 LibreOffice,无法生成 PDF';
    // a disabled button shows no tooltip in some browsers: the reason is said beside it
    $('pdf-note').hidden = S.pdf;
    renderCards();
    renderProfile();
    show('start');
    document.body.dataset.ready = '1';
  })();
}
