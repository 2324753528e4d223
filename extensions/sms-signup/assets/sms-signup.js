// The storefront SMS sign-up form. Everything it says comes from the app through the app proxy
// (GET /apps/textback/form): the headline, the text, how it opens, and the disclosure the
// checkout block shows, with its version. A phone goes to POST /apps/textback/subscribe; the app
// texts "Reply Y…" and subscribes the shopper only on their Y.
//
// It does not show again to a visitor who signed up or closed it (localStorage).
(function () {
  "use strict";
  var STORAGE_KEY = "textback-sms-signup";
  var root = document.getElementById("textback-sms-signup");
  if (!root || remembered()) return;
  var proxy = root.getAttribute("data-proxy") || "/apps/textback";
  // The buttons' and messages' words, in the shopper's language (the block's locales).
  var words = root.dataset;

  function remembered() {
    try {
      return Boolean(window.localStorage.getItem(STORAGE_KEY));
    } catch (e) {
      return false;
    }
  }

  function remember(outcome) {
    try {
      window.localStorage.setItem(STORAGE_KEY, outcome);
    } catch (e) {
      // Private browsing: the form may show again on the next visit.
    }
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (name === "text") node.textContent = attributes[name];
      else node.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      node.appendChild(child);
    });
    return node;
  }

  function loadForm() {
    return fetch(proxy + "/form", { credentials: "same-origin", headers: { Accept: "application/json" } }).then(function (response) {
      return response.ok ? response.json() : { enabled: false };
    });
  }

  function render(form) {
    var status = element("p", { class: "textback-signup__status", role: "status", "aria-live": "polite" });
    var phone = element("input", { type: "tel", name: "phone", autocomplete: "tel", required: "required", "aria-label": words.phone, placeholder: words.phone });
    var agree = element("input", { type: "checkbox", name: "agree", required: "required" });
    var submit = element("button", { type: "submit", class: "textback-signup__submit", text: words.submit });
    var fields = element("form", { class: "textback-signup__form", novalidate: "novalidate" }, [
      phone,
      element("label", { class: "textback-signup__consent" }, [agree, element("span", { text: form.disclosure.label })]),
      element("p", { class: "textback-signup__disclosure", text: form.disclosure.paragraph }),
      submit,
      status,
    ]);
    var close = element("button", { type: "button", class: "textback-signup__close", "aria-label": words.close, text: "×" });
    var panel = element("div", { class: "textback-signup__panel", role: "dialog", "aria-modal": "false", "aria-label": form.headline }, [
      close,
      element("h2", { class: "textback-signup__headline", text: form.headline }),
      element("p", { class: "textback-signup__body", text: form.body }),
      fields,
    ]);
    root.appendChild(panel);

    close.addEventListener("click", function () {
      remember("dismissed");
      root.hidden = true;
    });

    fields.addEventListener("submit", function (event) {
      event.preventDefault();
      if (!phone.value.trim()) return say(words.phoneMissing);
      if (!agree.checked) return say(words.boxUnticked);
      submit.disabled = true;
      say("");
      fetch(proxy + "/subscribe", {
        method: "POST",
        credentials: "same-origin",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify({ phone: phone.value, disclosureVersion: form.disclosure.version, pageUrl: window.location.href, placement: form.placement }),
      })
        .then(function (response) {
          return response.json().then(function (answer) {
            return { status: response.status, answer: answer };
          });
        })
        .then(function (result) {
          submit.disabled = false;
          if (result.status === 200) {
            remember("signed_up");
            fields.replaceChildren(element("p", { class: "textback-signup__done", text: result.answer.message }));
          } else if (result.status === 409) {
            // The merchant changed the terms since the form opened: show the new ones.
            loadForm().then(function (fresh) {
              root.replaceChildren();
              if (fresh.enabled) render(fresh).open();
            });
          } else {
            say(result.answer.error || words.failed);
          }
        })
        .catch(function () {
          submit.disabled = false;
          say(words.failed);
        });
    });

    function say(message) {
      status.textContent = message;
    }

    return {
      open: function () {
        root.hidden = false;
        root.classList.add("textback-signup--open");
        phone.focus();
      },
    };
  }

  function whenItOpens(form, view) {
    root.classList.add("textback-signup", "textback-signup--" + form.placement);
    if (form.placement === "teaser") {
      var tab = element("button", { type: "button", class: "textback-signup__tab", text: form.headline });
      root.insertBefore(tab, root.firstChild);
      root.hidden = false;
      tab.addEventListener("click", function () {
        view.open();
      });
      return;
    }
    var opened = false;
    function openOnce() {
      if (opened) return;
      opened = true;
      document.removeEventListener("mouseout", onExit);
      view.open();
    }
    // Exit intent: the pointer leaves through the top of the window, towards the tabs.
    function onExit(event) {
      if (!event.relatedTarget && event.clientY <= 0) openOnce();
    }
    window.setTimeout(openOnce, Math.max(0, form.delaySeconds) * 1000);
    if (form.exitIntent) document.addEventListener("mouseout", onExit);
  }

  loadForm()
    .then(function (form) {
      if (form.enabled) whenItOpens(form, render(form));
    })
    .catch(function () {
      // No form when the app cannot be reached; the page is unaffected.
    });
})();
