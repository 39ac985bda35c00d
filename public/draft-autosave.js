// Progressive enhancement for the e-form pages of a draft (issue 4 §3): every ~20 seconds, if anything changed,
// the page's answers are saved in the background exactly as "Lưu nháp" would save them. Without JavaScript the
// buttons do the same; nothing here is needed to file a dossier.
(function () {
  var form = document.querySelector('form[data-autosave="true"]');
  if (!form || !window.fetch || !window.FormData || !window.URLSearchParams) return;
  var status = form.querySelector('.autosave-status');
  var lang = document.documentElement.lang;
  var last = new URLSearchParams(new FormData(form)).toString();
  function save() {
    var body = new URLSearchParams(new FormData(form)).toString();
    if (body === last) return;
    fetch(form.action, { method: 'POST', body: body, credentials: 'same-origin', headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-autosave': '1' } })
      .then(function (response) {
        if (!response.ok) return;
        last = body;
        if (status) status.textContent = lang === 'en' ? 'Draft saved automatically.' : 'Đã tự động lưu nháp.';
      })
      .catch(function () { /* offline: the next tick or a button tries again */ });
  }
  window.setInterval(save, 20000);
})();
