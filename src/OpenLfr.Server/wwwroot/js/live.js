// Live view: shows the newest blurred frame of one camera, polled once a second (no frames are kept). Frames exist
// only on the node processing the camera; for a camera another node processes, the server's answer names that node.
(function () {
  'use strict';
  const img = document.getElementById('live-frame');
  const status = document.getElementById('live-status');
  let url = null;
  async function tick() {
    try {
      const r = await fetch(img.dataset.src + '?t=' + Date.now(), { cache: 'no-store', credentials: 'same-origin' });
      if (r.ok) {
        const blob = await r.blob();
        if (url) URL.revokeObjectURL(url);
        url = URL.createObjectURL(blob);
        img.src = url; img.hidden = false;
        const at = r.headers.get('X-Captured-Utc');
        status.textContent = 'Frame captured ' + (at ? new Date(at).toLocaleTimeString('en-GB', { timeZone: 'UTC' }) + ' UTC' : 'just now');
      } else {
        img.hidden = true;
        let reason = null;
        try { reason = (await r.json()).reason; } catch (e) { /* not JSON */ }
        status.textContent = r.status === 404 ? (reason || 'No live frame: the camera is not running, or its deployment is not active.') : 'Live view unavailable (' + r.status + ').';
      }
    } catch (e) { status.textContent = 'The server could not be reached.'; }
    setTimeout(tick, 1000);
  }
  tick();
})();
