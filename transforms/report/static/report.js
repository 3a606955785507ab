// newsdb report: embed every chart on the page. Specs sit in
// <script type="application/json" data-chart="ID"> blocks (inert data, never executed); the map's
// country outlines come from assets/countries.js rather than being repeated in every spec.
(function () {
  "use strict";
  var blocks = document.querySelectorAll('script[type="application/json"][data-chart]');
  Array.prototype.forEach.call(blocks, function (block) {
    var target = document.getElementById(block.getAttribute("data-chart"));
    if (!target) return;
    var spec = JSON.parse(block.textContent);
    if (spec.datasets && Object.prototype.hasOwnProperty.call(spec.datasets, "countries")) {
      spec.datasets.countries = window.NEWSDB_COUNTRIES || [];
    }
    window.vegaEmbed(target, spec, { actions: false, renderer: "svg" }).then(function () {
      target.setAttribute("data-rendered", "true");
    }).catch(function (err) {
      target.textContent = "This chart could not be drawn: " + err;
      console.error(err);
    });
  });
})();
