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
})();
