// Operator console: renders the alert queue and camera tiles, and keeps them live over SignalR.
// Every alert is a "possible match"; the operator decides. Images load through audited URLs.
(function () {
  'use strict';
  const root = document.getElementById('console');
  const canAdjudicate = root.dataset.canAdjudicate === 'true';
  const canSeeImages = root.dataset.canSeeImages === 'true';
  const thisNode = root.dataset.node || null; // this server's camera-worker node id; none on a web-only node
  const list = document.getElementById('alerts');
  const empty = document.getElementById('queue-empty');
  const pendingCount = document.getElementById('pending-count');
  const announcer = document.getElementById('announcer');
  const connection = document.getElementById('connection');
  const soundToggle = document.getElementById('sound-toggle');
  const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
  const baseTitle = document.title;
  let soundOn = false;
  let audio = null;

  const outcomes = [
    ['ConfirmedSubject', 'Confirmed: the person sought'],
    ['NotTheSubject', 'Not the person sought'],
    ['NotLocated', 'Not located'],
  ];

  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (v === null || v === undefined || v === false) continue;
      if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v; else e.setAttribute(k, v === true ? '' : v);
    }
    for (const c of children) if (c) e.append(c);
    return e;
  }

  const time = iso => new Date(iso).toLocaleTimeString('en-GB', { hour: '2-digit', minute: '2-digit', second: '2-digit', timeZone: 'UTC' }) + ' UTC';

  function decisionText(a) {
    if (a.decision === 'Pending') return 'Awaiting your decision';
    if (a.decision === 'NoMatch') return 'Judged no match by ' + (a.adjudicatedBy || 'an operator');
    let t = 'Engage: officers sent (' + (a.adjudicatedBy || 'operator') + ')';
    if (a.outcome) t += '. Outcome: ' + (outcomes.find(o => o[0] === a.outcome) || [0, a.outcome])[1] + (a.arrested ? ', arrested' : '');
    return t;
  }

  function render(a) {
    const card = el('article', {
      class: 'alert-card ' + a.strength + ' urgency-' + a.urgencyColour + (a.decision === 'Pending' ? ' pending' : ' decided'),
      'data-id': a.id, 'data-rank': a.urgencyRank, 'data-raised': a.raisedAtUtc, 'data-urgency': a.urgency || '', 'aria-labelledby': 'h-' + a.id, tabindex: '-1' });
    card.append(
      el('h3', { id: 'h-' + a.id },
        el('span', { class: 'label', text: 'Possible match' }), ' ',
        el('span', { text: a.subjectName + ' (' + a.subjectReference + ')' })),
      // The urgency in words as well as colour: the colour only repeats what the text says.
      el('p', { class: 'urgency urgency-' + a.urgencyColour },
        el('strong', { class: 'urgency-label', text: a.urgencyLabel }), ' ',
        el('span', { class: 'urgency-action', text: a.urgencyAction })),
      canSeeImages
        ? el('div', { class: 'faces' },
            el('figure', {}, el('img', { src: a.probeUrl, alt: 'Face seen by camera ' + a.cameraName, loading: 'lazy' }), el('figcaption', { text: 'Seen by the camera' })),
            el('figure', {}, el('img', { src: a.watchlistImageUrl, alt: 'Watchlist image of ' + a.subjectName, loading: 'lazy' }), el('figcaption', { text: 'Watchlist image' })))
        : el('p', { class: 'muted', text: 'Face images are shown to operators and authorising officers only.' }),
      el('dl', { class: 'facts' },
        el('dt', { text: 'Score' }), el('dd', { class: 'score', text: a.score.toFixed(4) + ' (' + a.strength + ')' }),
        el('dt', { text: 'Meaning' }), el('dd', { text: a.scoreMeaning }),
        el('dt', { text: 'Category' }), el('dd', { text: a.categoryText }),
        el('dt', { text: 'Camera' }), el('dd', { text: a.cameraName }),
        el('dt', { text: 'Time' }), el('dd', {}, el('time', { datetime: a.frameTimeUtc, text: time(a.frameTimeUtc) }))),
      el('p', { class: 'decision', role: 'status', text: decisionText(a) }),
      el('a', { class: 'more', href: '/console/alerts/' + a.id, text: 'Full record and evidence' + (a.isEvidence ? ' (kept as evidence)' : '') }));
    if (canAdjudicate && a.decision === 'Pending') card.append(decisionForm(a));
    if (canAdjudicate && a.decision === 'Engage' && !a.outcome) card.append(outcomeForm(a));
    return card;
  }

  function decisionForm(a) {
    const notes = el('input', { id: 'notes-' + a.id, name: 'notes', autocomplete: 'off' });
    const form = el('form', { class: 'decide' },
      el('label', { for: 'notes-' + a.id, text: 'Notes (optional)' }), notes,
      el('div', { class: 'buttons' },
        el('button', { type: 'submit', name: 'decision', value: 'NoMatch', class: 'secondary', text: 'No match' }),
        el('button', { type: 'submit', name: 'decision', value: 'Engage', class: 'primary', text: 'Engage' })));
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      post('Adjudicate', { id: a.id, decision: ev.submitter.value, notes: notes.value }, form);
    });
    return form;
  }

  function outcomeForm(a) {
    const select = el('select', { id: 'outcome-' + a.id, name: 'outcome', required: true });
    for (const [v, t] of outcomes) select.append(el('option', { value: v, text: t }));
    const arrested = el('input', { type: 'checkbox', id: 'arrested-' + a.id, name: 'arrested', value: 'true' });
    const notes = el('input', { id: 'onotes-' + a.id, name: 'notes', autocomplete: 'off' });
    const form = el('form', { class: 'outcome' },
      el('label', { for: 'outcome-' + a.id, text: 'What did the engagement find?' }), select,
      el('div', { class: 'check' }, arrested, el('label', { for: 'arrested-' + a.id, text: 'Arrested' })),
      el('label', { for: 'onotes-' + a.id, text: 'Notes (optional)' }), notes,
      el('button', { type: 'submit', class: 'primary', text: 'Record outcome' }));
    form.addEventListener('submit', ev => {
      ev.preventDefault();
      post('Outcome', { id: a.id, outcome: select.value, arrested: arrested.checked ? 'true' : 'false', notes: notes.value }, form);
    });
    return form;
  }

  async function post(handler, fields, form) {
    const body = new URLSearchParams(fields);
    body.append('__RequestVerificationToken', token);
    form.querySelectorAll('button').forEach(b => b.disabled = true);
    const old = form.querySelector('.form-error');
    if (old) old.remove();
    try {
      const r = await fetch('/console?handler=' + handler, { method: 'POST', body, credentials: 'same-origin' });
      if (r.ok) { upsert(await r.json()); return; }
      let message = r.status === 403 ? 'Your role does not allow this.' : 'The decision was not saved (' + r.status + ').';
      try { const p = await r.json(); if (p.errors) message = Object.values(p.errors).flat().join(' '); } catch (e) { /* not JSON */ }
      form.append(el('p', { class: 'form-error error', role: 'alert', text: message }));
    } catch (e) {
      form.append(el('p', { class: 'form-error error', role: 'alert', text: 'The server could not be reached; try again.' }));
    }
    form.querySelectorAll('button').forEach(b => b.disabled = false);
  }

  function upsert(a, isNew) {
    const existing = list.querySelector('[data-id="' + a.id + '"]');
    const card = render(a);
    if (existing) existing.replaceWith(card); // a decided card stays where the operator saw it
    else if (a.decision === 'Pending') list.insertBefore(card, firstAfter(a));
    else list.append(card);
    if (isNew) cue(a, card);
    updateCounts();
  }

  // Pending alerts are ordered most urgent first, then newest first (the same order as AlertCard.QueueOrder on the server).
  // Cards decided on this screen stay where they were, so they are skipped; a new card goes before the first pending card
  // that sorts after it, else just after the last pending card (the top of the list when none is pending).
  function firstAfter(a) {
    const raised = Date.parse(a.raisedAtUtc);
    let afterLastPending = list.firstChild;
    for (const c of list.children) {
      if (!c.classList.contains('pending')) continue;
      const rank = Number(c.dataset.rank);
      if (rank > a.urgencyRank || (rank === a.urgencyRank && Date.parse(c.dataset.raised) < raised)) return c;
      afterLastPending = c.nextSibling;
    }
    return afterLastPending;
  }

  function updateCounts() {
    const pending = list.querySelectorAll('.alert-card.pending').length;
    pendingCount.textContent = pending;
    empty.hidden = list.children.length > 0;
    document.title = (pending ? '(' + pending + ') ' : '') + baseTitle;
  }

  function cue(a, card) {
    card.classList.add('new');
    setTimeout(() => card.classList.remove('new'), 6000);
    announcer.textContent = 'New possible match: ' + a.subjectName + ', ' + a.urgencyLabel + ', camera ' + a.cameraName + ', score ' + a.score.toFixed(4);
    if (soundOn) beep();
  }

  function beep() {
    try {
      audio = audio || new AudioContext();
      const o = audio.createOscillator(), g = audio.createGain();
      o.frequency.value = 880; g.gain.value = 0.2;
      o.connect(g); g.connect(audio.destination);
      o.start(); o.stop(audio.currentTime + 0.25);
    } catch (e) { /* no audio device */ }
  }

  soundToggle.addEventListener('click', () => {
    soundOn = !soundOn;
    soundToggle.setAttribute('aria-pressed', String(soundOn));
    soundToggle.textContent = soundOn ? 'Turn sound off' : 'Turn sound on';
    if (soundOn) beep();
  });

  function renderCameras(tiles) {
    const box = document.getElementById('cameras');
    box.replaceChildren();
    if (!tiles.length) { box.append(el('p', { class: 'muted', text: 'No cameras are registered.' })); return; }
    for (const t of tiles) {
      const age = t.lastFrameUtc ? Math.max(0, Math.round((Date.now() - new Date(t.lastFrameUtc)) / 1000)) + ' s ago' : 'none';
      box.append(el('article', { class: 'tile ' + t.state.replace(' ', '-'), 'data-camera': t.cameraId },
        el('h3', { text: t.name }),
        el('p', { class: 'state', text: t.state }),
        el('dl', {},
          el('dt', { text: 'Frames/s' }), el('dd', { text: t.fpsIn == null ? '–' : t.fpsIn + ' in, ' + t.fpsProcessed + ' processed' }),
          el('dt', { text: 'Dropped' }), el('dd', { text: t.dropped == null ? '–' : String(t.dropped) }),
          el('dt', { text: 'Last frame' }), el('dd', { text: age })),
        t.problem ? el('p', { class: 'muted', text: t.problem }) : null,
        t.nodeId ? el('p', { class: 'node muted', text: 'Processed by node ' + t.nodeId + (t.nodeId === thisNode ? ' (this server)' : '') }) : null,
        t.nodeId && t.nodeId !== thisNode
          ? el('p', { class: 'muted', text: 'Live view only on node ' + t.nodeId + ': frames never leave the node that processes the camera.' })
          : el('a', { href: '/console/live/' + t.cameraId, text: 'Live view (faces blurred)' })));
    }
  }

  for (const a of JSON.parse(document.getElementById('initial-alerts').textContent)) upsert(a);
  renderCameras(JSON.parse(document.getElementById('initial-cameras').textContent));

  const hub = new signalR.HubConnectionBuilder().withUrl('/console/hub').withAutomaticReconnect().build();
  hub.on('alertRaised', a => upsert(a, true));
  hub.on('alertUpdated', a => upsert(a));
  hub.on('cameraHealth', renderCameras);
  const show = (text, cls) => { connection.textContent = text; connection.className = 'pill ' + cls; };
  hub.onreconnecting(() => show('Live feed lost: reconnecting…', 'warn'));
  hub.onreconnected(() => show('Live feed connected', 'ok'));
  hub.onclose(() => show('Live feed disconnected: reload the page', 'warn'));
  hub.start().then(() => show('Live feed connected', 'ok')).catch(() => show('Live feed unavailable: reload the page', 'warn'));
})();
