// Live updates (issue 5 §3), a progressive enhancement: the page listens to /su-kien (Server-Sent Events) and,
// when a dossier it shows changes, says so in its polite live region with a "Tải lại" link. It never reloads on
// its own, which would lose what an officer is typing; regions marked data-live-refresh (the applicant's status
// and timeline) are refreshed in place, unless the reader is in one of their fields. Without JavaScript the page
// is unchanged.
(function () {
  var region = document.querySelector('[data-live-stream]');
  if (!region || !window.EventSource || !window.fetch || !window.DOMParser) return;
  var source = new EventSource(region.getAttribute('data-live-stream'), { withCredentials: true });
  var refreshing = false;
  var again = false;

  function show(message) {
    var p = document.createElement('p');
    p.className = 'notice';
    p.appendChild(document.createTextNode(message + ' '));
    var link = document.createElement('a');
    link.href = window.location.pathname + window.location.search;
    link.textContent = region.getAttribute('data-live-reload');
    p.appendChild(link);
    region.replaceChildren(p);
  }

  function typingIn(element) {
    var active = document.activeElement;
    return active && active !== document.body && element.contains(active) && /^(INPUT|TEXTAREA|SELECT)$/.test(active.tagName);
  }

  function refresh() {
    var parts = Array.prototype.slice.call(document.querySelectorAll('[data-live-refresh][id]'));
    if (!parts.length) return;
    if (refreshing) { again = true; return; }
    refreshing = true;
    fetch(window.location.href, { credentials: 'same-origin', headers: { accept: 'text/html' } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) return;
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        parts.forEach(function (part) {
          var next = fresh.getElementById(part.id);
          if (next && !typingIn(part)) part.replaceWith(document.importNode(next, true));
        });
      })
      .catch(function () { /* offline: the notice's link still reloads */ })
      .then(function () {
        refreshing = false;
        if (again) { again = false; refresh(); }
      });
  }

  function setUnread(count) {
    var link = document.querySelector('.inbox-link');
    if (!link) return;
    var badge = link.querySelector('.inbox-count');
    if (count > 0 && badge) { badge.textContent = String(count); return; }
    if (count > 0) {
      badge = document.createElement('span');
      badge.className = 'inbox-count';
      badge.textContent = String(count);
      var suffix = document.createElement('span');
      suffix.className = 'visually-hidden';
      suffix.textContent = ' ' + region.getAttribute('data-live-unread-suffix');
      link.appendChild(document.createTextNode(' '));
      link.appendChild(badge);
      link.appendChild(suffix);
    } else if (badge) {
      var hidden = badge.nextElementSibling;
      if (hidden && hidden.className === 'visually-hidden') hidden.remove();
      badge.remove();
    }
  }

  source.addEventListener('dossier', function (event) {
    try { show(JSON.parse(event.data).message); } catch (error) { return; }
    refresh();
  });
  source.addEventListener('unread', function (event) {
    try { setUnread(Number(JSON.parse(event.data).count)); } catch (error) { /* ignore a malformed event */ }
  });
  // The server refuses a stream (signed out, too many tabs) with an error status: EventSource then stops by itself.
  window.addEventListener('pagehide', function () { source.close(); });
})();
