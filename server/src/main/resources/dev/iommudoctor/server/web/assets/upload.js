// Upload page: drag and drop (or the file picker), upload with progress (XMLHttpRequest, so the
// browser reports upload progress), then open the new incident.
import { el, show } from './common.js';

const drop = document.getElementById('drop');
const input = document.getElementById('file');
const tags = document.getElementById('tags');
const chosen = document.getElementById('chosen');
const box = document.getElementById('progress-box');
const bar = document.getElementById('progress');
const barText = document.getElementById('progress-text');
const error = document.getElementById('error');
let busy = false;

for (const name of ['dragenter', 'dragover']) {
  drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.add('over'); });
}
for (const name of ['dragleave', 'drop']) {
  drop.addEventListener(name, (e) => { e.preventDefault(); drop.classList.remove('over'); });
}
drop.addEventListener('drop', (e) => upload([...e.dataTransfer.files]));
input.addEventListener('change', () => upload([...input.files]));

function sizeText(bytes) {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

function upload(files) {
  if (busy || files.length === 0) return;
  busy = true;
  show(error, '');
  chosen.replaceChildren(...files.map((f) => el('li', {}, `${f.name} (${sizeText(f.size)})`)));
  const form = new FormData();
  for (const f of files) form.append('file', f, f.name);
  if (tags.value.trim()) form.append('tags', tags.value.trim());

  const xhr = new XMLHttpRequest();
  xhr.open('POST', '/api/incidents');
  xhr.setRequestHeader('Accept', 'application/json');
  box.hidden = false;
  bar.value = 0;
  barText.textContent = 'Uploading…';
  xhr.upload.addEventListener('progress', (e) => {
    if (e.lengthComputable) {
      bar.value = Math.round((e.loaded / e.total) * 100);
      barText.textContent = `${sizeText(e.loaded)} of ${sizeText(e.total)}`;
    }
  });
  xhr.upload.addEventListener('load', () => {
    bar.value = 100;
    barText.textContent = 'Uploaded; analysing…';
  });
  xhr.addEventListener('load', () => {
    let body = null;
    try { body = JSON.parse(xhr.responseText); } catch (e) { body = null; }
    if (xhr.status === 201 && body && body.id) {
      barText.textContent = 'Done; opening the incident…';
      window.location.assign(`/incidents/${encodeURIComponent(body.id)}`);
      return;
    }
    fail((body && body.message) || `upload failed: HTTP ${xhr.status}`);
  });
  xhr.addEventListener('error', () => fail('upload failed: the server could not be reached'));
  xhr.addEventListener('abort', () => fail('upload aborted'));
  xhr.send(form);
}

function fail(message) {
  busy = false;
  box.hidden = true;
  input.value = '';
  show(error, message);
}
