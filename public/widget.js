/*
 * Frictionlog in-flow rating widget. Embed it where a platform flow ends, with one tag:
 *
 *   <script src="https://frictionlog.example.com/widget.js" data-flow="create-service" async></script>
 *
 * It asks "Was this easier than before?" (1-5, optional comment) and posts the answer to
 * /api/v1/ratings on the Frictionlog it was loaded from. It draws inside a shadow root, so the
 * page's CSS cannot restyle it and its CSS cannot leak out; it sends no cookie and stores nothing.
 * An admin must register the flow and allow the page's origin in Frictionlog (Ratings).
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var flow = (script.getAttribute('data-flow') || '').trim();
  if (!flow) {
    console.warn('Frictionlog widget: add data-flow="<flow key>" to the script tag.');
    return;
  }
  var endpoint = new URL('/api/v1/ratings', script.src).href;
  var ENDS = { 1: 'much harder', 5: 'much easier' };

  var STYLE =
    '.card{all:initial;display:block;box-sizing:border-box;max-width:22rem;padding:12px 14px;background:#fff;color:#0f172a;' +
    'border:1px solid #cbd5e1;border-radius:8px;font:14px/1.4 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif}' +
    '.card *{box-sizing:border-box;font:inherit;color:inherit}' +
    '.card fieldset{border:0;margin:0;padding:0;min-width:0}' +
    '.card legend{display:block;padding:0;margin:0 0 8px;font-weight:600}' +
    '.card .scale{display:flex;gap:6px}' +
    '.card .scale label{position:relative;flex:1 1 0;display:block}' +
    '.card .scale input{position:absolute;inset:0;width:100%;height:100%;margin:0;opacity:0;cursor:pointer}' +
    '.card .scale .box{display:block;padding:6px 0;text-align:center;border:1px solid #64748b;border-radius:6px;background:#fff}' +
    '.card .scale input:checked+.box{background:#4338ca;border-color:#4338ca;color:#fff}' +
    '.card .scale input:focus-visible+.box{outline:2px solid #4338ca;outline-offset:2px}' +
    '.card .ends{display:flex;justify-content:space-between;margin-top:4px;font-size:12px;color:#475569}' +
    '.card .sr{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}' +
    '.card .comment{display:block;margin-top:10px}' +
    '.card .comment span{display:block;margin-bottom:4px;font-size:13px;color:#334155}' +
    '.card textarea{display:block;width:100%;min-height:3.2em;padding:6px 8px;border:1px solid #64748b;border-radius:6px;background:#fff;resize:vertical}' +
    '.card textarea:focus-visible,.card button:focus-visible{outline:2px solid #4338ca;outline-offset:2px}' +
    '.card button{display:inline-block;margin-top:10px;padding:6px 14px;border:0;border-radius:6px;background:#4338ca;color:#fff;font-weight:600;cursor:pointer}' +
    '.card button[disabled]{opacity:.6;cursor:wait}' +
    '.card .status,.status{margin:8px 0 0;font-size:13px}' +
    '.card .status.error{color:#b91c1c}';

  function el(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === 'string' ? document.createTextNode(child) : child);
    });
    return node;
  }

  var host = document.createElement('frictionlog-rating');
  host.setAttribute('data-flow', flow);
  script.parentNode.insertBefore(host, script.nextSibling);
  // Open, so that accessibility checkers and the page's tests can look inside.
  var root = host.attachShadow({ mode: 'open' });
  root.appendChild(el('style', {}, [STYLE]));

  var choices = [];
  for (var score = 1; score <= 5; score += 1) {
    var hint = ENDS[score] ? [el('span', { class: 'sr' }, [' (' + ENDS[score] + ')'])] : [];
    choices.push(
      el('label', {}, [el('input', { type: 'radio', name: 'score', value: String(score) }), el('span', { class: 'box' }, [String(score)].concat(hint))]),
    );
  }
  var status = el('p', { class: 'status', role: 'status', 'aria-live': 'polite' });
  var comment = el('textarea', { name: 'comment', maxlength: '2000', rows: '2' });
  var button = el('button', { type: 'submit' }, ['Send rating']);
  var form = el('form', { class: 'card', 'aria-label': 'Rate this flow', novalidate: '' }, [
    el('fieldset', {}, [
      el('legend', {}, ['Was this easier than before?']),
      el('div', { class: 'scale' }, choices),
      el('div', { class: 'ends', 'aria-hidden': 'true' }, [el('span', {}, ['Much harder']), el('span', {}, ['Much easier'])]),
    ]),
    el('label', { class: 'comment' }, [el('span', {}, ['Comment (optional)']), comment]),
    button,
    status,
  ]);
  root.appendChild(form);

  function say(message, isError) {
    status.textContent = message;
    status.className = isError ? 'status error' : 'status';
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    var checked = form.querySelector('input[name="score"]:checked');
    if (!checked) {
      say('Choose a score from 1 to 5.', true);
      return;
    }
    button.disabled = true;
    say('Sending…', false);
    fetch(endpoint, {
      method: 'POST',
      mode: 'cors',
      credentials: 'omit',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ flow: flow, score: Number(checked.value), comment: comment.value.trim() || null }),
    })
      .then(function (response) {
        if (response.status === 201) {
          form.replaceChildren(el('p', { class: 'status', role: 'status' }, ['Thank you! Your rating was sent.']));
          return;
        }
        return response.json().then(
          function (body) {
            say((body && body.error && body.error.message) || 'The rating could not be sent.', true);
          },
          function () {
            say('The rating could not be sent.', true);
          },
        );
      })
      .catch(function () {
        say('The rating could not be sent: Frictionlog cannot be reached from this page.', true);
      })
      .finally(function () {
        button.disabled = false;
      });
  });
})();
