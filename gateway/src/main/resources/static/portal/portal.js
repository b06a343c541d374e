// Guildhall portal: the little script every page loads (no inline scripts: the CSP forbids them).
(function () {
  'use strict';

  function cookie(name) {
    var match = document.cookie.match(new RegExp('(?:^|; )' + name + '=([^;]*)'));
    return match ? decodeURIComponent(match[1]) : null;
  }

  // The browser's time zone, for people whose directory location names none: the gateway shows times in it
  // (ViewerZones). Kept for a year; rewritten when the browser moves.
  try {
    var zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && cookie('guildhall_tz') !== zone) {
      document.cookie = 'guildhall_tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; SameSite=Lax';
    }
  } catch (ignored) {
    // no Intl: the organisation's zone
  }

  // On a phone, the navigation and the events' filters fold away (they stay open without this script, and on wide
  // screens their buttons are hidden); filters that are set stay open.
  // A window that narrows (a phone turned, a window resized) folds them; one that widens opens them again, since a
  // wide screen has no button to open them with.
  function fold(narrow) {
    document.querySelectorAll('details.nav-menu, details.filters-panel:not([data-active])').forEach(function (panel) {
      if (narrow) {
        panel.removeAttribute('open');
      } else {
        panel.setAttribute('open', '');
      }
    });
  }
  if (window.matchMedia) {
    var phone = window.matchMedia('(max-width: 40rem)');
    if (phone.matches) {
      fold(true);
    }
    if (phone.addEventListener) {
      phone.addEventListener('change', function (event) { fold(event.matches); });
    }
  }

  // htmx requests that change something carry the CSRF token the gateway checks (XSRF-TOKEN cookie -> header).
  document.addEventListener('htmx:configRequest', function (event) {
    var token = cookie('XSRF-TOKEN');
    if (token && event.detail.verb !== 'get') {
      event.detail.headers['X-XSRF-TOKEN'] = token;
    }
  });

  // The toast (the page's status region): a refusal stays until the next action, a success fades after 6 s.
  var fading = null;
  function announce(text, ok) {
    var region = document.getElementById('portal-status');
    if (region) {
      window.clearTimeout(fading);
      region.textContent = text;
      region.classList.toggle('toast--ok', !!ok);
      if (ok && text) {
        fading = window.setTimeout(function () { region.textContent = ''; }, 6000);
      }
    }
  }
  // A server's word on what an in-place action did: the HX-Trigger header {"guildhall:toast": "You are going."}.
  document.body.addEventListener('guildhall:toast', function (event) {
    announce(event.detail && event.detail.value ? String(event.detail.value) : '', true);
  });

  // A refused or failed in-place action says so, instead of silently doing nothing.
  document.addEventListener('htmx:responseError', function (event) {
    var status = event.detail.xhr.status;
    announce(status === 503 || status === 504
      ? 'The service is not answering right now; nothing was changed. Try again in a moment.'
      : status === 403 ? 'You may not do that.'
      : 'That did not work (error ' + status + '). Reload the page and try again.');
  });
  document.addEventListener('htmx:sendError', function () {
    announce('The portal cannot be reached. Check your connection and try again.');
  });
  document.addEventListener('htmx:beforeRequest', function () {
    announce('');
  });

  // A busy state on every action: a plain form's button says so and is not pressed twice (disabled after the
  // browser has taken its value); an htmx action marks its element busy until the answer is in.
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (event.defaultPrevented || form.hasAttribute('hx-post') || form.method.toLowerCase() === 'get') {
      return;
    }
    form.setAttribute('aria-busy', 'true');
    var submitter = event.submitter;
    if (submitter) {
      window.setTimeout(function () { submitter.disabled = true; submitter.classList.add('is-busy'); }, 0);
    }
  });
  document.addEventListener('htmx:beforeRequest', function (event) {
    event.detail.elt.setAttribute('aria-busy', 'true');
  });
  document.addEventListener('htmx:afterRequest', function (event) {
    event.detail.elt.removeAttribute('aria-busy');
  });
  // Back to a page whose form was sent (the browser's cache): its buttons work again.
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('button.is-busy').forEach(function (button) {
      button.disabled = false;
      button.classList.remove('is-busy');
    });
    document.querySelectorAll('form[aria-busy]').forEach(function (form) { form.removeAttribute('aria-busy'); });
  });

  // Buttons that ask first: <button data-confirm="Leave this community?">. (hx-confirm would do, but this also
  // covers plain forms.)
  document.addEventListener('click', function (event) {
    var button = event.target.closest ? event.target.closest('[data-confirm]') : null;
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // After an in-place swap, move focus to the element marked data-focus (a form's first error, a result).
  document.addEventListener('htmx:afterSettle', function (event) {
    var target = event.detail.elt && event.detail.elt.querySelector ? event.detail.elt.querySelector('[data-focus]') : null;
    if (target) {
      if (!target.hasAttribute('tabindex')) {
        target.setAttribute('tabindex', '-1');
      }
      target.focus();
    }
  });
})();
