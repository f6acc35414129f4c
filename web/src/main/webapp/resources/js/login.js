// The login page: a refused login comes back with the login name still typed (only the password to type again).
// The name is kept in the tab's session storage from the moment the form is sent, and given back only on the page
// that says the login was refused or locked.
(function () {
  'use strict';
  var KEY = 'opsdesk.login-name';
  function ready() {
    var form = document.querySelector('form.login-form');
    var name = document.getElementById('username');
    var password = document.getElementById('password');
    if (!form || !name || !password) {
      return;
    }
    form.addEventListener('submit', function () {
      try {
        sessionStorage.setItem(KEY, name.value);
      } catch (e) {
        // no storage: nothing is given back
      }
    });
    var refused = /[?&](error|locked)(&|=|$)/.test(window.location.search);
    var kept = null;
    try {
      kept = sessionStorage.getItem(KEY);
    } catch (e) {
      kept = null;
    }
    if (refused && kept && !name.value) {
      name.value = kept;
      name.removeAttribute('autofocus');
      password.focus();
      // the browser may still carry out the login field's autofocus once the page is shown
      window.addEventListener('load', function () {
        if (document.activeElement === name || document.activeElement === document.body) {
          password.focus();
        }
      });
    }
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', ready);
  } else {
    ready();
  }
})();
