/*
 * OpsDesk agent UI behaviour: keyboard shortcuts, live refresh of the queue view, small conveniences.
 * Loaded as a file (the Content-Security-Policy allows no inline script); every page works without it.
 */

/* What the scripts below (each in a scope of its own) share. */
var opsdesk = {
  // what read makes of the answer to a GET of something that changes (never from the cache); null when refused
  fresh: function (url, read) {
    'use strict';
    return fetch(url, {credentials: 'same-origin', cache: 'no-store'}).then(function (response) {
      return response.ok ? read(response) : null;
    });
  },
  // replaces the element with this id by its twin in page (a page fetched anew, parsed), when both exist
  swapIn: function (page, id) {
    'use strict';
    var now = document.getElementById(id);
    var next = page.getElementById(id);
    if (now && next) {
      now.replaceWith(document.importNode(next, true));
    }
  }
};

(function () {
  'use strict';

  document.documentElement.classList.add('js');

  /*
   * Drafts: what is typed into a reply, a comment, a new ticket or a wiki page (textarea[data-draft]) is kept in this
   * tab until a send works, so that a page that expired meanwhile (the form open too long, the session timed out, the
   * server restarted) loses no text: the form, opened again, offers it back. Each draft belongs to the agent who typed
   * it: another agent logging in in the same tab does not get it. The page a send that worked leads to names the
   * draft in its address (sent=) and it is forgotten; logging out forgets them all.
   * A text that starts out filled (a wiki page) names the field that holds the revision it was typed over
   * (data-draft-base): that revision comes back with the draft, so a save merges it with what was saved since instead
   * of writing over it. A form the server answered itself (data-draft-current="true": a conflict, a refused value)
   * holds the newest text, which then replaces the draft instead of the other way round.
   */
  var draftPrefix = 'opsdesk.draft.';
  try {
    var store = window.sessionStorage;
    var ownerMark = document.getElementById('draft-owner');
    var agent = ownerMark ? ownerMark.getAttribute('data-agent') : null;
    var params = new URLSearchParams(window.location.search);
    if (params.get('sent')) {
      store.removeItem(draftPrefix + params.get('sent'));
      params.delete('sent');
      var rest = params.toString();
      window.history.replaceState(window.history.state, '',
        window.location.pathname + (rest ? '?' + rest : '') + window.location.hash);
    }
    document.querySelectorAll('textarea[data-draft]').forEach(function (area) {
      var key = draftPrefix + area.getAttribute('data-draft');
      var base = area.hasAttribute('data-draft-base')
        ? document.getElementById(area.getAttribute('data-draft-base')) : null;
      var keep = function (always) {
        try {
          if (area.value && (always === true || !base || area.value !== area.defaultValue)) {
            store.setItem(key, JSON.stringify({agent: agent, text: area.value, base: base ? base.value : null}));
          } else {
            store.removeItem(key);
          }
        } catch (full) {
          // the quota: drafts are a convenience
        }
      };
      var kept = null;
      try {
        kept = JSON.parse(store.getItem(key));
      } catch (unreadable) {
        store.removeItem(key);
      }
      if (area.getAttribute('data-draft-current') === 'true') {
        if (kept) {
          keep(true); // the server's answer holds the newest text (with its base)
        }
      } else if (kept && kept.agent !== agent) {
        store.removeItem(key); // another agent's, left in this tab
      } else if (kept && kept.text && (base ? kept.text !== area.value : !area.value)) {
        var served = {text: area.value, base: base ? base.value : null};
        // typed for a page that did not exist yet, which someone has created since: sent without a revision, the
        // save is refused and says so, instead of writing over theirs
        var createdSince = base && kept.base === '' && base.value !== '';
        area.value = kept.text;
        if (base && kept.base !== null && kept.base !== undefined) {
          base.value = kept.base;
        }
        var note = document.createElement('p');
        note.className = 'hint draft-restored';
        note.textContent = (createdSince
          ? 'Restored what you typed before this page existed; someone has created it since, so saving asks you first.'
          : area.getAttribute('data-draft-note')
            || 'Restored what you typed here before: check the conversation above, then send it.') + ' ';
        var discard = document.createElement('button');
        discard.type = 'button';
        discard.className = 'draft-discard';
        discard.textContent = 'Discard it';
        discard.addEventListener('click', function () {
          area.value = served.text;
          if (base) {
            base.value = served.base;
          }
          store.removeItem(key);
          note.parentNode.removeChild(note);
          area.focus();
        });
        note.appendChild(discard);
        area.parentNode.insertBefore(note, area);
      }
      area.addEventListener('input', keep);
    });
    var logout = document.getElementById('logout');
    if (logout && logout.form) {
      logout.form.addEventListener('submit', function () {
        Object.keys(store).filter(function (k) { return k.indexOf(draftPrefix) === 0; }).forEach(function (k) {
          store.removeItem(k);
        });
      });
    }
  } catch (refused) {
    // storage refused (a private window, the quota): drafts are a convenience
  }

  function typing(target) {
    return target.closest('input, textarea, select, [contenteditable]') !== null;
  }

  function rows() {
    return Array.prototype.slice.call(document.querySelectorAll('table.tickets tbody tr[data-href]'));
  }

  function current() {
    return document.querySelector('table.tickets tbody tr.current');
  }

  function move(step) {
    var all = rows();
    if (all.length === 0) {
      return;
    }
    var index = all.indexOf(current());
    var next = all[Math.max(0, Math.min(all.length - 1, index < 0 ? 0 : index + step))];
    all.forEach(function (r) { r.classList.remove('current'); });
    next.classList.add('current');
    next.scrollIntoView({block: 'nearest'});
    var link = next.querySelector('a.open');
    if (link) {
      link.focus({preventScroll: true});
    }
  }

  function focusField(selector) {
    var field = document.querySelector(selector);
    if (field) {
      field.scrollIntoView({block: 'center'});
      field.focus();
    }
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) {
      return;
    }
    var row = current();
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case 'Enter':
        // Enter opens the current row only when no button or other link has the focus
        if (!row || (event.target !== document.body && !row.contains(event.target))) {
          return;
        }
        window.location.href = row.getAttribute('data-href');
        break;
      case 'o':
        if (!row) {
          return;
        }
        window.location.href = row.getAttribute('data-href');
        break;
      case 'x':
        if (!row) {
          return;
        }
        var box = row.querySelector('input[type=checkbox]');
        if (box) {
          box.checked = !box.checked;
          box.dispatchEvent(new Event('change', {bubbles: true}));
        }
        break;
      case 'r': focusField('#reply\\:body'); break;
      case 'c': focusField('#comment\\:body'); break;
      case '/': focusField('#global-search'); break;
      case '?':
        var help = document.getElementById('keys-help');
        if (help && typeof help.showModal === 'function') {
          help.showModal();
        }
        break;
      default: return;
    }
    event.preventDefault();
  });

  // the queue switcher opens the chosen queue at once
  document.querySelectorAll('select[data-autosubmit]').forEach(function (select) {
    select.addEventListener('change', function () { select.form.submit(); });
  });

  // dangerous buttons ask first
  document.addEventListener('click', function (event) {
    var button = event.target.closest('[data-confirm]');
    if (button && !window.confirm(button.getAttribute('data-confirm'))) {
      event.preventDefault();
    }
  });

  // a message is sent once: a double click on Send (or a second Enter) posted it twice, and the customer got the
  // reply twice. The mark is the page's: the answer is a new page; coming back to this one (the back button) clears it,
  // and so do eight seconds
  document.addEventListener('submit', function (event) {
    var form = event.target;
    if (!form.hasAttribute || !form.hasAttribute('data-send-once') || event.defaultPrevented) {
      return;
    }
    if (form.getAttribute('data-sending') === 'true') {
      event.preventDefault();
      return;
    }
    form.setAttribute('data-sending', 'true');
    // a send stopped on its way (Esc, the Stop button) leaves the page here: Send works again after a while
    window.setTimeout(function () { form.removeAttribute('data-sending'); }, 8000);
  });
  window.addEventListener('pageshow', function () {
    document.querySelectorAll('form[data-sending]').forEach(function (form) {
      form.removeAttribute('data-sending');
    });
  });

  document.querySelectorAll('[data-select-on-focus]').forEach(function (input) {
    input.addEventListener('focus', function () { input.select(); });
  });

  /*
   * Live queue view: the server pushes every committed ticket change (server-sent events, /events);
   * then ask it for a fingerprint of this list (how many tickets match, the latest change among them)
   * and, when it differs, fetch this page again and swap in the list, the counts and the navigation,
   * keeping the agent's selection and current row. Without EventSource, or when the stream is refused
   * for good, ask for the fingerprint every few seconds instead.
   */
  /*
   * The queue's "select every ticket on this page" box: it checks or clears every row's box, and shows whether all,
   * some (indeterminate) or none of them are checked, also after the live list swapped its rows in.
   */
  // the header's box, and on a phone (where the table's header is hidden) the one above the list
  var selectAlls = Array.prototype.slice.call(document.querySelectorAll('.select-all-box'));
  var rowBoxes = function () {
    return Array.prototype.slice.call(document.querySelectorAll('#ticket-rows input[name=selected]'));
  };
  var showSelection = function () {
    var boxes = rowBoxes();
    var checked = boxes.filter(function (b) { return b.checked; }).length;
    selectAlls.forEach(function (all) {
      all.checked = boxes.length > 0 && checked === boxes.length;
      all.indeterminate = checked > 0 && checked < boxes.length;
    });
  };
  var selectAll = selectAlls.length > 0;
  if (selectAll) {
    selectAlls.forEach(function (all) {
      all.addEventListener('change', function () {
        rowBoxes().forEach(function (b) { b.checked = all.checked; });
        showSelection();
      });
    });
    document.addEventListener('change', function (e) {
      if (e.target && e.target.name === 'selected') {
        showSelection();
      }
    });
    showSelection();
  }

  var live = document.getElementById('queue-live');
  if (live && window.fetch && window.DOMParser) {
    var pollUrl = live.getAttribute('data-poll');
    var eventsUrl = live.getAttribute('data-events');
    var known = live.getAttribute('data-version');
    // this list's own address: after a refused bulk action the browser shows the form's bare one (all tickets)
    var selfUrl = live.getAttribute('data-self') || window.location.href;
    var intervalMs = 4000;
    var gatherMs = 300;

    var refresh = function () {
      return fetch(selfUrl, {credentials: 'same-origin'}).then(function (response) {
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.text();
      }).then(function (html) {
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        var checked = Array.prototype.map.call(
          document.querySelectorAll('#ticket-rows input[name=selected]:checked'), function (c) { return c.value; });
        var currentRow = current();
        var currentNumber = currentRow ? currentRow.getAttribute('data-number') : null;
        ['ticket-rows', 'queue-summary', 'nav-queues'].forEach(function (id) {
          opsdesk.swapIn(fresh, id);
        });
        // the fresh page's view state, so the bulk form stays valid however often the list refreshed
        var freshState = fresh.querySelector('#bulk input[name="jakarta.faces.ViewState"]');
        var state = document.querySelector('#bulk input[name="jakarta.faces.ViewState"]');
        if (freshState && state) {
          state.value = freshState.value;
        }
        checked.forEach(function (value) {
          var box = document.querySelector('#ticket-rows input[name=selected][value="' + value + '"]');
          if (box) {
            box.checked = true;
          }
        });
        if (currentNumber) {
          var again = document.querySelector('#ticket-rows tr[data-number="' + currentNumber + '"]');
          if (again) {
            again.classList.add('current');
          }
        }
        showSelection();
        var note = document.getElementById('queue-updated');
        if (note) {
          note.textContent = '· updated ' + new Date().toLocaleTimeString();
        }
      });
    };

    var check = function () {
      if (document.hidden) {
        return;
      }
      opsdesk.fresh(pollUrl, function (response) { return response.text(); }).then(function (version) {
        if (version === null) {
          return null;
        }
        var changed = version !== known;
        known = version;
        return changed ? refresh() : null;
      }).catch(function () { /* offline or logged out: try again at the next tick */ });
    };

    var polling = null;
    var poll = function () {
      if (polling === null) {
        polling = window.setInterval(check, intervalMs);
      }
    };

    // a burst of changes (an alert storm) asks once
    var soon = null;
    var checkSoon = function () {
      if (soon === null) {
        soon = window.setTimeout(function () { soon = null; check(); }, gatherMs);
      }
    };

    if (window.EventSource && eventsUrl) {
      var source = new EventSource(eventsUrl);
      live.setAttribute('data-live', 'connecting');
      source.addEventListener('ticket', checkSoon);
      source.addEventListener('open', function () {
        live.setAttribute('data-live', 'push');
        checkSoon(); // also after a reconnect: catch up with what happened meanwhile
      });
      source.addEventListener('error', function () {
        if (source.readyState === EventSource.CLOSED) { // refused (e.g. logged out): do not retry
          live.setAttribute('data-live', 'poll');
          poll();
        }
      });
      document.addEventListener('visibilitychange', function () {
        if (!document.hidden) {
          checkSoon();
        }
      });
    } else {
      live.setAttribute('data-live', 'poll');
      check();
      poll();
    }
  }
}());

// Sidebar counts on every page but the queue view (which refreshes its navigation with its list): asked for every
// few seconds while the page is visible, and at once when it becomes visible again; a queue added or removed
// meanwhile brings the whole list anew. Polled, not pushed: an event
// stream per open tab would use up the browser's six connections to the server with a few ticket tabs open.
(function () {
  'use strict';
  var nav = document.getElementById('nav-queues');
  if (!nav || !nav.getAttribute('data-counts') || document.getElementById('queue-live') || !window.fetch
      || !window.DOMParser) {
    return;
  }
  var url = nav.getAttribute('data-counts');
  var dashboard = nav.getAttribute('data-dashboard');
  var update = function () {
    if (document.hidden) {
      return;
    }
    opsdesk.fresh(url, function (response) { return response.json(); }).then(function (counts) {
      if (!counts) {
        return null;
      }
      var items = document.querySelectorAll('#nav-queues li[data-queue]');
      var listed = Array.prototype.map.call(items, function (item) { return item.getAttribute('data-queue'); });
      if (Object.keys(counts).sort().join('\n') !== listed.slice().sort().join('\n')) {
        return relist();
      }
      items.forEach(function (item) {
        var count = item.querySelector('.count');
        var value = counts[item.getAttribute('data-queue')];
        if (count && count.firstChild && value !== undefined) {
          count.firstChild.nodeValue = String(value);
        }
      });
      return null;
    }).catch(function () { /* offline or logged out: try again at the next tick */ });
  };
  // a queue was added or removed: the list as the server renders it, taken from the dashboard (which marks no queue
  // as the current one, as no page that polls does)
  var relist = function () {
    return opsdesk.fresh(dashboard, function (response) { return response.text(); }).then(function (html) {
      if (html) {
        opsdesk.swapIn(new DOMParser().parseFromString(html, 'text/html'), 'nav-queues');
      }
    });
  };
  window.setInterval(update, 5000);
  document.addEventListener('visibilitychange', update);
}());

// Wiki editor: live preview of the Markdown (rendered by the server's one renderer), debounced.
(function () {
  'use strict';
  var area = document.querySelector('textarea[data-preview]');
  if (!area) {
    return;
  }
  var target = document.getElementById(area.getAttribute('data-preview'));
  var path = area.getAttribute('data-preview-path') || '';
  var timer = null;
  var render = function () {
    var body = new URLSearchParams();
    body.set('path', path);
    body.set('markdown', area.value);
    fetch(document.querySelector('.brand').getAttribute('href').replace(/\/$/, '') + '/wiki-preview', {
      method: 'POST', credentials: 'same-origin', body: body
    }).then(function (r) { return r.ok ? r.text() : null; }).then(function (html) {
      if (html !== null) {
        target.innerHTML = html;
      }
    }).catch(function () { /* the next keystroke tries again */ });
  };
  area.addEventListener('input', function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(render, 300);
  });
  render();
}());

// Search box: suggestions (titles, hosts) as you type.
(function () {
  'use strict';
  var box = document.querySelector('input[data-suggest]');
  var list = document.getElementById('search-suggestions');
  if (!box || !list) {
    return;
  }
  var timer = null;
  box.addEventListener('input', function () {
    window.clearTimeout(timer);
    var q = box.value.trim();
    if (q.length < 2) {
      return;
    }
    timer = window.setTimeout(function () {
      fetch(box.getAttribute('data-suggest') + '?q=' + encodeURIComponent(q), {credentials: 'same-origin'})
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (items) {
          list.textContent = '';
          items.forEach(function (s) {
            var o = document.createElement('option');
            o.value = s.kind === 'ticket' ? '#' + s.id : (s.kind === 'host' ? 'host:' + s.id : s.label);
            o.label = s.kind + ': ' + s.label;
            list.appendChild(o);
          });
        }).catch(function () { /* no suggestions this time */ });
    }, 150);
  });
}());

// Uploads with a progress bar (wiki import): the form posts through XHR and the answer replaces the page.
(function () {
  'use strict';
  var form = document.querySelector('form[data-upload-progress]');
  if (!form) {
    return;
  }
  var bar = document.getElementById(form.getAttribute('data-upload-progress'));
  form.addEventListener('submit', function (e) {
    if (!window.FormData || !bar) {
      return;
    }
    e.preventDefault();
    var data = new FormData(form);
    var button = form.querySelector('input[type=submit]');
    if (button) {
      data.append(button.name, button.value);
    }
    var xhr = new XMLHttpRequest();
    xhr.open('POST', form.action);
    bar.hidden = false;
    xhr.upload.addEventListener('progress', function (p) {
      if (p.lengthComputable) {
        bar.value = Math.round(100 * p.loaded / p.total);
      }
    });
    xhr.addEventListener('load', function () {
      document.open();
      document.write(xhr.responseText);
      document.close();
    });
    xhr.send(data);
  });
}());

// The admin page of the search index: while a rebuild runs, its progress bar and state follow /search-status every
// second; when it ends, the page is loaded again (by GET, never by repeating the form's POST) to show the outcome.
// After five failed asks in a row (the session ended, the server is down) it stops and says so.
(function () {
  'use strict';
  var bar = document.getElementById('rebuild-progress');
  if (!bar || bar.getAttribute('data-running') !== 'true' || !window.fetch) {
    return;
  }
  var state = document.getElementById('rebuild-state');
  var failures = 0;
  var timer;
  var failed = function () {
    failures++;
    if (failures >= 5) {
      window.clearInterval(timer);
      state.textContent = 'The rebuild\'s progress cannot be read now: load the page again to see it.';
    }
  };
  timer = window.setInterval(function () {
    // redirected: the session ended and the login page answered
    opsdesk.fresh(bar.getAttribute('data-status'), function (response) {
      return response.redirected ? null : response.json();
    }).then(function (s) {
      if (!s) {
        failed();
        return;
      }
      failures = 0;
      if (!s.rebuilding) {
        window.clearInterval(timer);
        window.location.replace(window.location.pathname);
        return;
      }
      bar.max = Math.max(1, s.rebuildTotal);
      bar.value = Math.min(s.rebuildDone, bar.max);
      state.textContent = 'Rebuilding: ' + s.rebuildDone + ' of ' + s.rebuildTotal + ' documents.';
    }).catch(failed);
  }, 1000);
}());

/*
 * A message's Quote puts its words, each line marked "> ", into the reply with who wrote it and when; its Forward
 * chooses it in the Forward form and moves there. Without script, Forward still leads to the form.
 */
(function () {
  'use strict';
  var ownText = function (article) {
    // the author's own words: the quoted part of a mail is folded in a <details> apart
    var part = article.querySelector(':scope > .text, :scope > .mail-html');
    return part ? (part.innerText || part.textContent || '').replace(/\s+$/, '') : '';
  };
  document.addEventListener('click', function (e) {
    var quote = e.target.closest ? e.target.closest('.quote-message') : null;
    if (quote) {
      var article = document.getElementById('message-' + quote.getAttribute('data-message'));
      var reply = document.getElementById('reply:body');
      if (!article || !reply) {
        return;
      }
      var lines = ownText(article).split(/\r?\n/).map(function (l) { return l ? '> ' + l : '>'; });
      var block = 'On ' + quote.getAttribute('data-when') + ', ' + quote.getAttribute('data-who') + ' wrote:\n'
        + lines.join('\n') + '\n\n';
      reply.value = reply.value ? reply.value.replace(/\s+$/, '') + '\n\n' + block : block;
      reply.dispatchEvent(new Event('input', {bubbles: true}));
      reply.focus();
      reply.setSelectionRange(reply.value.length, reply.value.length);
      return;
    }
    var insert = e.target.closest ? e.target.closest('#insert-response') : null;
    if (insert) {
      // the chosen canned response, filled in for this ticket when the page was made, goes below the reply's text
      var chosen = document.getElementById('response-choice');
      var body = document.getElementById('reply:body');
      var text = chosen && chosen.value ? document.querySelector('template[data-response="' + CSS.escape(chosen.value)
        + '"]') : null;
      if (!text || !body) {
        return;
      }
      var words = text.content.textContent;
      body.value = body.value ? body.value.replace(/\s+$/, '') + '\n\n' + words : words;
      body.dispatchEvent(new Event('input', {bubbles: true}));
      body.focus();
      return;
    }
    // a message's Forward and Split: the panel's form, that message chosen, its first field to type in
    var action = e.target.closest ? e.target.closest('.forward-message, .split-message') : null;
    if (action) {
      var form = action.classList.contains('split-message') ? 'split' : 'forward';
      var choice = document.getElementById(form + ':message');
      var field = document.getElementById(form + (form === 'split' ? ':subject' : ':to'));
      if (!choice || !field) {
        return;
      }
      e.preventDefault();
      choice.value = action.getAttribute('data-message');
      field.scrollIntoView({block: 'center'});
      field.focus();
    }
  });
})();
