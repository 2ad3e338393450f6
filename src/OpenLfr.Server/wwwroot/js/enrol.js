// Bulk enrolment: drop (or choose) photos named by subject reference; shows each file's verdict and reasons.
(function () {
  'use strict';
  const section = document.getElementById('enrol');
  if (!section) return;
  const form = document.getElementById('enrol-form');
  const zone = document.getElementById('dropzone');
  const input = document.getElementById('files');
  const results = document.getElementById('enrol-results');
  const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
  let dropped = null;

  ['dragenter', 'dragover'].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.add('over'); }));
  ['dragleave', 'drop'].forEach(t => zone.addEventListener(t, e => { e.preventDefault(); zone.classList.remove('over'); }));
  zone.addEventListener('drop', e => {
    dropped = Array.from(e.dataTransfer.files);
    zone.querySelector('p').textContent = dropped.length + ' file(s) ready: ' + dropped.map(f => f.name).join(', ');
  });
  input.addEventListener('change', () => { dropped = null; });

  function cell(text, cls) { const td = document.createElement('td'); td.textContent = text; if (cls) td.className = cls; return td; }

  form.addEventListener('submit', async e => {
    e.preventDefault();
    const files = dropped || Array.from(input.files);
    results.replaceChildren();
    if (!files.length) { results.innerHTML = '<p class="error" role="alert">Choose or drop at least one photo.</p>'; return; }
    const body = new FormData();
    for (const name of ['legalBasis', 'source', 'dateTaken']) body.append(name, form.elements[name].value);
    files.forEach(f => body.append('files', f, f.name));
    body.append('__RequestVerificationToken', token);
    const button = form.querySelector('button[type=submit]');
    button.disabled = true; button.textContent = 'Checking ' + files.length + ' image(s)…';
    try {
      const r = await fetch(section.dataset.url, { method: 'POST', body, credentials: 'same-origin' });
      const data = await r.json().catch(() => ({}));
      if (!r.ok) {
        const p = document.createElement('p'); p.className = 'error'; p.setAttribute('role', 'alert');
        p.textContent = data.errors ? Object.values(data.errors).flat().join(' ') : 'Enrolment failed (' + r.status + ').';
        results.append(p);
        return;
      }
      const table = document.createElement('table'); table.id = 'verdicts';
      table.innerHTML = '<caption>Verdict for each image</caption><thead><tr><th scope="col">File</th><th scope="col">Subject</th><th scope="col">Verdict</th><th scope="col" class="num">Quality</th><th scope="col">Reasons</th></tr></thead>';
      const tbody = document.createElement('tbody');
      for (const f of data.files) {
        const tr = document.createElement('tr');
        tr.append(cell(f.fileName), cell(f.subjectReference || '–'), cell(f.accepted ? 'Accepted' : 'Rejected', 'verdict ' + (f.accepted ? 'accepted' : 'rejected')),
          cell(f.quality == null ? '–' : f.quality.toFixed(2), 'num'), cell(f.reasons.join(' ')));
        tbody.append(tr);
      }
      table.append(tbody); results.append(table);
      for (const d of data.duplicates) {
        const p = document.createElement('p'); p.className = 'warning'; p.setAttribute('role', 'alert');
        p.textContent = 'Possible duplicate: ' + d.subjectReference + ' looks like ' + d.looksLike + ' (similarity ' + d.score.toFixed(2) + '). Check they are different people.';
        results.append(p);
      }
      const accepted = data.files.filter(f => f.accepted).length;
      const p = document.createElement('p'); p.className = 'notice';
      p.innerHTML = accepted + ' of ' + data.files.length + ' image(s) accepted. <a href="">Reload</a> to see the subjects table updated.';
      results.append(p);
    } finally {
      button.disabled = false; button.textContent = 'Enrol';
    }
  });
})();
