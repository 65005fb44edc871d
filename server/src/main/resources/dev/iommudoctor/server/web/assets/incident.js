// Incident page: saves the status and resolution note through the API (PATCH /api/incidents/{id}).
import { api, show } from './common.js';

const form = document.getElementById('resolution');
if (form) {
  const message = document.getElementById('saved-msg');
  const badge = document.getElementById('status-badge');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const id = form.dataset.incident;
    const status = form.elements.status.value;
    const note = form.elements.note.value;
    const button = form.querySelector('button[type=submit]');
    button.disabled = true;
    show(message, 'Saving…');
    try {
      const incident = await api(`/api/incidents/${encodeURIComponent(id)}`, { method: 'PATCH', json: { status, note } });
      badge.textContent = incident.status;
      badge.className = `badge status-${incident.status}`;
      show(message, `Saved ${new Date().toLocaleTimeString()}`);
      message.className = 'ok';
    } catch (e) {
      show(message, `Not saved: ${e.message}`);
      message.className = 'error';
    } finally {
      button.disabled = false;
    }
  });
}
