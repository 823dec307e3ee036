// Progressive enhancement: without this script every menu link is visible and works.
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function setOpen(button, open) {
    button.setAttribute("aria-expanded", open ? "true" : "false");
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    if (panel) panel.classList.toggle("is-open", open);
  }

  function closeAll(except) {
    document.querySelectorAll(".main-nav__toggle[aria-expanded='true']").forEach(function (b) {
      if (b !== except) setOpen(b, false);
    });
  }

  document.querySelectorAll(".main-nav__toggle, .menu-toggle").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var open = button.getAttribute("aria-expanded") !== "true";
      if (button.classList.contains("main-nav__toggle")) closeAll(button);
      setOpen(button, open);
    });
  });

  document.addEventListener("keydown", function (event) {
    if (event.key !== "Escape") return;
    var open = document.querySelector(".main-nav__toggle[aria-expanded='true']");
    if (open) {
      setOpen(open, false);
      open.focus();
    }
  });

  document.addEventListener("click", function (event) {
    if (!event.target.closest(".main-nav__item")) closeAll(null);
  });

  // A link to a closed <details> (table of contents, shared URL) opens it.
  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    var target = id && document.getElementById(id);
    if (target && target.tagName === "DETAILS") target.open = true;
  }
  window.addEventListener("hashchange", openTarget);
  openTarget();

  // Printed pages show every section, whether or not the reader opened it.
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details:not([open])").forEach(function (d) {
      d.open = true;
      d.setAttribute("data-print-opened", "");
    });
  });
  window.addEventListener("afterprint", function () {
    document.querySelectorAll("details[data-print-opened]").forEach(function (d) {
      d.open = false;
      d.removeAttribute("data-print-opened");
    });
  });
})();
