// The few App Bridge features the pages use, for the sandbox where no Shopify admin hosts the
// app: toasts, the loading bar, and the navigation menu drawn as a plain top bar.
export const APP_BRIDGE_STAND_IN = String.raw`
(function () {
  function toast(message, options) {
    var el = document.createElement("div");
    el.setAttribute("role", "status");
    el.textContent = message;
    el.style.cssText = "position:fixed;bottom:24px;left:50%;transform:translateX(-50%);padding:10px 16px;border-radius:8px;font:14px system-ui;color:#fff;z-index:1000;background:" + (options && options.isError ? "#8e1f0b" : "#303030");
    document.body.appendChild(el);
    setTimeout(function () { el.remove(); }, (options && options.duration) || 4000);
    return "toast-" + Date.now();
  }
  window.shopify = {
    config: { apiKey: document.currentScript && document.currentScript.dataset.apiKey, host: "", locale: "en" },
    environment: { embedded: false, mobile: false, pos: false },
    toast: { show: toast, hide: function () {} },
    loading: function () {},
    idToken: function () { return Promise.resolve(""); },
    saveBar: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () {}, leaveConfirmation: function () { return Promise.resolve(); } },
    modal: { show: function () { return Promise.resolve(); }, hide: function () { return Promise.resolve(); }, toggle: function () {} },
  };
  var style = document.createElement("style");
  style.textContent = "ui-nav-menu{display:flex;gap:20px;padding:10px 20px;background:#1a1a1a;font:14px system-ui}" +
    "ui-nav-menu a{color:#fff;text-decoration:none}ui-nav-menu a:hover{text-decoration:underline}";
  document.head.appendChild(style);
})();
`;
