/**
 * The explorer's only script (served as /assets/web.<hash>.js). Every page works without it; it adds the copy
 * buttons, the review queue's API-key session (sessionStorage only, sent only to this server as a form field)
 * and its keyboard shortcuts, and submits select filters on change. Plain ES2017, no library.
 */
export const WEB_JS = `(function () {
  'use strict';
  var KEY = 'clause-tracker.api-key';
  function store() { try { return window.sessionStorage; } catch (e) { return null; } }

  // Copy buttons: <button data-copy="id-of-the-text">. The Clipboard API needs a secure context (https or
  // localhost); over plain HTTP the text is selected and copied with execCommand.
  document.querySelectorAll('button[data-copy]').forEach(function (button) {
    button.hidden = false;
    button.addEventListener('click', function () {
      var source = document.getElementById(button.getAttribute('data-copy'));
      var status = button.parentNode.querySelector('.copy-status');
      function done() { if (status) status.textContent = status.getAttribute('data-copied'); }
      var text = source.textContent.trim();
      if (navigator.clipboard && window.isSecureContext) {
        navigator.clipboard.writeText(text).then(done);
        return;
      }
      var range = document.createRange();
      range.selectNodeContents(source);
      var selection = window.getSelection();
      selection.removeAllRanges();
      selection.addRange(range);
      if (document.execCommand('copy')) done();
    });
  });

  // Filters that apply when they change.
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // The review queue's key: kept in sessionStorage, put into the forms that need it.
  var s = store();
  var signIn = document.querySelector('form[data-sign-in]');
  if (signIn && s) {
    signIn.addEventListener('submit', function () {
      var input = signIn.querySelector('input[name=key]');
      if (input && input.value) s.setItem(KEY, input.value.trim());
    });
    var saved = s.getItem(KEY);
    if (saved && signIn.hasAttribute('data-auto') && !document.querySelector('.notice.error')) {
      signIn.querySelector('input[name=key]').value = saved;
      signIn.submit();
    }
  }
  document.querySelectorAll('form[data-sign-out]').forEach(function (form) {
    form.addEventListener('submit', function () { if (s) s.removeItem(KEY); });
  });
  document.querySelectorAll('form[data-needs-key]').forEach(function (form) {
    form.addEventListener('submit', function () {
      var hidden = form.querySelector('input[name=key]');
      if (hidden && !hidden.value && s && s.getItem(KEY)) hidden.value = s.getItem(KEY);
    });
  });

  // Review shortcuts, on a focused proposal: j/k move, a accepts, r rejects (with the reason typed).
  var items = Array.prototype.slice.call(document.querySelectorAll('.review-item'));
  if (items.length) {
    var current = 0;
    function focusItem(i) {
      current = Math.max(0, Math.min(items.length - 1, i));
      items.forEach(function (item, j) { item.classList.toggle('active', j === current); });
      items[current].focus();
    }
    items.forEach(function (item, i) {
      item.addEventListener('focusin', function () {
        current = i;
        items.forEach(function (other, j) { other.classList.toggle('active', j === i); });
      });
    });
    document.addEventListener('keydown', function (event) {
      var target = event.target;
      var typing = target && (target.tagName === 'INPUT' || target.tagName === 'TEXTAREA' || target.tagName === 'SELECT');
      if (event.altKey || event.ctrlKey || event.metaKey) return;
      if (typing) {
        if (event.key === 'Escape') { target.blur(); items[current].focus(); }
        return;
      }
      // Only where a proposal has the focus (WCAG 2.1.4): "a" typed on a menu link accepted the current one.
      var item = target && target.closest ? target.closest('.review-item') : null;
      if (!item) return;
      if (event.key === 'j') { focusItem(current + 1); event.preventDefault(); }
      else if (event.key === 'k') { focusItem(current - 1); event.preventDefault(); }
      else if (event.key === 'a') {
        // No Accept on the reviewer's own proposal (four eyes): the item says why instead.
        var accept = item.querySelector('button[value=ACCEPT]');
        if (accept) accept.click();
        event.preventDefault();
      }
      else if (event.key === 'r') {
        var reason = item.querySelector('input[name=reason]');
        if (reason && reason.value.trim()) item.querySelector('button[value=REJECT]').click();
        else if (reason) reason.focus();
        event.preventDefault();
      }
    });
    focusItem(0);
  }
})();
`;
