// The demo's page for staff (/mitarbeitende/): a plain form per staff operation of
// packages/contract/staff.yaml, sent to /api on this origin (the reference server or, with --mock,
// the in-browser mock, which implements the staff API too). Staff paths carry no CORS headers, so
// this page must be served by the same origin as the API.
//
// - The staff key lives only in the key field (memory): never stored, never in a URL, never logged.
//   It is prefilled only when the demo back end says it uses the seed's public demo key.
// - Every text from the server (names, messages, problem details) is shown with textContent.
import * as backend from '/demo-backend.js';

const $ = (id) => document.getElementById(id);
const keyInput = $('staff-key');

/** RFC 4122 version 4 id for Idempotency-Key (crypto.randomUUID needs a secure context). */
function uuid() {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

class ApiProblem extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `HTTP ${status}`);
    this.status = status;
    this.code = typeof problem?.code === 'string' ? problem.code : undefined;
  }
}

/** Calls the API on this origin; resolves with the JSON body (undefined for 204). */
async function api(method, path, { body, staff = true, idempotent = false } = {}) {
  const headers = { Accept: 'application/json' };
  if (staff) headers['X-Staff-Key'] = keyInput.value;
  if (idempotent) headers['Idempotency-Key'] = uuid();
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  let res;
  try {
    res = await fetch(`/api${path}`, {
      method,
      headers,
      cache: 'no-store',
      ...(body !== undefined && { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiProblem(0, { detail: 'Die Schnittstelle ist nicht erreichbar.' });
  }
  if (res.status === 204) return undefined;
  let json;
  try {
    json = await res.json();
  } catch {
    json = undefined;
  }
  if (!res.ok) throw new ApiProblem(res.status, json);
  return json;
}

/** A sentence for a failed call; the server's own detail (as text) follows in quotes. */
function describeError(error) {
  if (!(error instanceof ApiProblem)) return `Unerwarteter Fehler: ${String(error?.message ?? error)}`;
  const detail = error.message;
  switch (error.status) {
    case 0:
      return detail;
    case 401:
      return 'Der Schlüssel wurde nicht angenommen (401). Prüfen Sie den Schlüssel unter „Zugang“.';
    case 404:
      return `Nicht gefunden (404): „${detail}“`;
    case 409:
      return `Das geht gerade nicht (409${error.code ? `, ${error.code}` : ''}): „${detail}“`;
    case 503:
      return `Diese Funktion bietet der Server noch nicht an oder er ist kurz nicht verfügbar (503): „${detail}“`;
    default:
      return `Fehler ${error.status}${error.code ? ` (${error.code})` : ''}: „${detail}“`;
  }
}

/** Shows `text` in a section's status line; `error` marks it as a failure. */
function say(id, text, error = false) {
  const el = $(id);
  el.textContent = text;
  el.classList.toggle('staff-result--error', error);
}

/** Runs `action` for a form submit: busy buttons, the result or the error in the status line. */
function onSubmit(form, resultId, action) {
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    if (!keyInput.value) {
      say(resultId, 'Bitte geben Sie zuerst unter „Zugang“ den Schlüssel ein.', true);
      keyInput.focus();
      return;
    }
    const buttons = [...form.querySelectorAll('button')];
    buttons.forEach((b) => (b.disabled = true));
    try {
      say(resultId, await action(event.submitter));
    } catch (error) {
      say(resultId, describeError(error), true);
    } finally {
      buttons.forEach((b) => (b.disabled = false));
    }
  });
}

const formatTime = (iso) => {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : date.toLocaleString('de-DE', { dateStyle: 'short', timeStyle: 'short' });
};

/** `YYYY-MM-DD` + `HH:MM` in this device's time zone as RFC 3339 with its offset. */
function localDateTime(date, time) {
  const local = new Date(`${date}T${time}:00`);
  const offset = -local.getTimezoneOffset();
  const sign = offset >= 0 ? '+' : '-';
  const abs = Math.abs(offset);
  return `${date}T${time}:00${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}

// --- Queues --------------------------------------------------------------------------------------

let calledTicket;
onSubmit($('call-form'), 'call-result', async () => {
  const locationId = $('call-location').value;
  const desk = $('call-desk').value.trim();
  const { ticket } = await api('POST', `/staff/v1/queues/${encodeURIComponent(locationId)}/call`, { body: { desk } });
  calledTicket = ticket ?? undefined;
  $('outcome-form').hidden = !calledTicket;
  if (!calledTicket) return 'Niemand wartet an diesem Standort.';
  $('outcome-ticket').textContent = calledTicket.number;
  return `Aufgerufen: Nummer ${calledTicket.number} an ${calledTicket.desk ?? desk}.`;
});

onSubmit($('outcome-form'), 'call-result', async (submitter) => {
  if (!calledTicket) return 'Es ist keine Nummer aufgerufen.';
  const outcome = submitter?.value === 'missed' ? 'missed' : 'served';
  const ticket = await api('POST', `/staff/v1/tickets/${encodeURIComponent(calledTicket.id)}/outcome`, { body: { outcome } });
  $('outcome-form').hidden = true;
  calledTicket = undefined;
  return `Nummer ${ticket.number}: ${outcome === 'served' ? 'erledigt' : 'nicht erschienen'}.`;
});

// --- Cases ---------------------------------------------------------------------------------------

const statusSelect = $('case-status');
const labelInput = $('case-label');
statusSelect.addEventListener('change', () => {
  labelInput.value = statusSelect.selectedOptions[0]?.textContent ?? '';
});

onSubmit($('case-form'), 'case-result', async () => {
  const caseId = $('case-id').value.trim();
  const history = $('case-history').value.trim();
  const body = { status: { code: statusSelect.value, label: labelInput.value.trim() } };
  if (history) body.history = { title: history };
  const updated = await api('POST', `/staff/v1/cases/${encodeURIComponent(caseId)}/updates`, { body });
  return `Vorgang ${caseId} (${updated.reference ?? ''}): Status jetzt „${updated.status?.label ?? body.status.label}“.`;
});

// --- Chat ----------------------------------------------------------------------------------------

const STATUS_TEXT = { waiting: 'wartet', active: 'läuft', ended: 'beendet' };
const AUTHOR_TEXT = { citizen: 'Bürgerin oder Bürger', agent: 'Team', bot: 'Bot', system: 'Hinweis' };
let conversation;

function renderConversations(items) {
  const list = $('chat-list');
  list.replaceChildren(
    ...items.map((c) => {
      const li = document.createElement('li');
      const button = document.createElement('button');
      button.type = 'button';
      const parts = [`Gespräch ${c.id.slice(0, 8)}`, STATUS_TEXT[c.status] ?? c.status];
      if (c.topic) parts.push(`Thema ${c.topic}`);
      if (c.agent?.name) parts.push(`mit ${c.agent.name}`);
      parts.push(`seit ${formatTime(c.createdAt)}`);
      button.textContent = parts.join(' · ');
      button.addEventListener('click', () => void openConversation(c));
      li.append(button);
      return li;
    }),
  );
}

async function loadMessages() {
  const page = await api('GET', `/staff/v1/chat/conversations/${encodeURIComponent(conversation.id)}/messages?limit=100`);
  $('chat-messages').replaceChildren(
    ...(page.items ?? []).map((m) => {
      const li = document.createElement('li');
      const who = document.createElement('strong');
      who.textContent = `${m.author?.name || AUTHOR_TEXT[m.author?.kind] || 'Unbekannt'}: `;
      const text = document.createElement('span');
      text.textContent = m.text ?? '';
      li.append(who, text);
      return li;
    }),
  );
  return page.items?.length ?? 0;
}

async function openConversation(c) {
  conversation = c;
  $('chat-conversation').hidden = false;
  $('chat-title').textContent = `Gespräch ${c.id.slice(0, 8)} (${STATUS_TEXT[c.status] ?? c.status})`;
  try {
    const count = await loadMessages();
    say('chat-result', `Gespräch ${c.id.slice(0, 8)} geöffnet: ${count} Nachrichten.`);
  } catch (error) {
    say('chat-result', describeError(error), true);
  }
}

onSubmit($('chat-list-form'), 'chat-result', async () => {
  const { items } = await api('GET', '/staff/v1/chat/conversations');
  renderConversations(items ?? []);
  return items?.length ? `${items.length} offene Gespräche.` : 'Keine offenen Gespräche.';
});

onSubmit($('chat-join-form'), 'chat-result', async () => {
  if (!conversation) return 'Wählen Sie zuerst ein Gespräch.';
  const name = $('chat-agent').value.trim();
  const joined = await api('POST', `/staff/v1/chat/conversations/${encodeURIComponent(conversation.id)}/join`, { body: { agent: { name } } });
  conversation = joined;
  await loadMessages();
  return `Sie haben das Gespräch als „${name}“ übernommen.`;
});

onSubmit($('chat-reply-form'), 'chat-result', async () => {
  if (!conversation) return 'Wählen Sie zuerst ein Gespräch.';
  const text = $('chat-text').value.trim();
  const name = conversation.agent?.name || $('chat-agent').value.trim();
  await api('POST', `/staff/v1/chat/conversations/${encodeURIComponent(conversation.id)}/messages`, {
    body: { author: { kind: 'agent', name }, text },
    idempotent: true,
  });
  $('chat-text').value = '';
  await loadMessages();
  return 'Antwort gesendet.';
});

$('chat-end').addEventListener('click', async () => {
  if (!conversation) return;
  try {
    const ended = await api('POST', `/staff/v1/chat/conversations/${encodeURIComponent(conversation.id)}/end`);
    conversation = ended;
    $('chat-title').textContent = `Gespräch ${ended.id.slice(0, 8)} (${STATUS_TEXT[ended.status] ?? ended.status})`;
    say('chat-result', 'Das Gespräch ist beendet.');
  } catch (error) {
    say('chat-result', describeError(error), true);
  }
});

// --- Blocks --------------------------------------------------------------------------------------

function addBlock(block) {
  const li = document.createElement('li');
  const text = document.createElement('span');
  text.textContent = `${block.location}: ${formatTime(block.from)} bis ${formatTime(block.to)} – ${block.blockedSlots} Zeitfenster gesperrt, ${block.cancelledBookings?.length ?? 0} Termine abgesagt. `;
  const release = document.createElement('button');
  release.type = 'button';
  release.textContent = 'Freigeben';
  release.setAttribute('aria-label', `Sperre ${block.location} ${formatTime(block.from)} freigeben`);
  release.addEventListener('click', async () => {
    release.disabled = true;
    try {
      await api('DELETE', `/staff/v1/blocks/${encodeURIComponent(block.id)}`);
      li.remove();
      say('block-result', `Sperre ${block.location} ${formatTime(block.from)} freigegeben: Die Zeitfenster sind wieder buchbar.`);
    } catch (error) {
      release.disabled = false;
      say('block-result', describeError(error), true);
    }
  });
  li.append(text, release);
  $('block-list').append(li);
}

onSubmit($('block-form'), 'block-result', async () => {
  const date = $('block-date').value;
  const from = localDateTime(date, $('block-from').value);
  const to = localDateTime(date, $('block-to').value);
  const block = await api('POST', '/staff/v1/blocks', {
    body: { location: $('block-location').value, from, to, reason: $('block-reason').value.trim() },
    idempotent: true,
  });
  addBlock(block);
  return `Gesperrt: ${block.blockedSlots} Zeitfenster, ${block.cancelledBookings?.length ?? 0} Termine abgesagt.`;
});

// --- Start ---------------------------------------------------------------------------------------

async function start() {
  try {
    const mock = backend.ready ? await backend.ready : undefined;
    const demoKey = typeof backend.demoStaffKey === 'string' ? backend.demoStaffKey : mock?.ctx?.staffKey;
    if (typeof demoKey === 'string' && demoKey) {
      keyInput.value = demoKey;
      $('staff-key-demo').hidden = false;
    }
    const tomorrow = new Date(Date.now() + 86_400_000);
    $('block-date').value = `${tomorrow.getFullYear()}-${String(tomorrow.getMonth() + 1).padStart(2, '0')}-${String(tomorrow.getDate()).padStart(2, '0')}`;
    const { items } = await api('GET', '/v1/locations', { staff: false });
    for (const select of document.querySelectorAll('.location-select')) {
      select.replaceChildren(
        ...(items ?? []).map((location) => {
          const option = document.createElement('option');
          option.value = location.id;
          option.textContent = location.name ?? location.id;
          return option;
        }),
      );
    }
    say('backend-status', `Verbunden: ${backend.backend === 'server' ? 'Referenz-Server' : 'Mock-API im Browser'}, ${items?.length ?? 0} Standorte.`);
    document.body.dataset.staffReady = 'true';
  } catch (error) {
    say('backend-status', `Die Schnittstelle antwortet nicht: ${describeError(error)}`, true);
  }
}

void start();
