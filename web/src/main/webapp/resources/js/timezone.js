// Tells the server the browser's time zone (cookie opsdesk_tz, read by ViewerZone), so that pages show times,
// and read due dates, in the agent's own zone. Loaded by the login page and every agent page.
(function () {
  'use strict';
  var zone;
  try {
    zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  } catch (e) {
    return;
  }
  if (!zone) {
    return;
  }
  var value = encodeURIComponent(zone);
  if (document.cookie.split('; ').indexOf('opsdesk_tz=' + value) < 0) {
    document.cookie = 'opsdesk_tz=' + value + '; path=/; max-age=31536000; SameSite=Lax';
  }
})();
