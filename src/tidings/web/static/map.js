// The map page: country outlines (world-atlas, vendored) and one circle per place with events.
// Every text goes through textContent; data comes from this server only.
(function () {
  "use strict";
  var svg = document.getElementById("map");
  if (!svg || !window.d3 || !window.topojson) return;
  var NS = "http://www.w3.org/2000/svg";
  var projection = d3.geoNaturalEarth1().fitSize([960, 500], { type: "Sphere" });
  var path = d3.geoPath(projection);

  function el(name, attrs, parent) {
    var node = document.createElementNS(NS, name);
    Object.keys(attrs).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    if (parent) parent.appendChild(node);
    return node;
  }

  function json(url) {
    return fetch(url, { credentials: "same-origin" }).then(function (r) {
      if (!r.ok) throw new Error(url + ": " + r.status);
      return r.json();
    });
  }

  Promise.all([json(svg.dataset.atlas), json(svg.dataset.points)]).then(function (res) {
    var world = res[0], points = res[1].points;
    el("path", { d: path({ type: "Sphere" }), "class": "sphere" }, svg);
    var countries = topojson.feature(world, world.objects.countries).features;
    var g = el("g", { "class": "countries" }, svg);
    countries.forEach(function (c) {
      var p = el("path", { d: path(c) || "", "class": "country" }, g);
      var t = el("title", {}, p);
      t.textContent = (c.properties && c.properties.name) || "";
    });
    var max = points.reduce(function (a, p) { return Math.max(a, p.count); }, 1);
    var dots = el("g", { "class": "points" }, svg);
    points.forEach(function (p) {
      var xy = projection([p.lon, p.lat]);
      if (!xy) return;
      var params = new URLSearchParams(window.location.search);
      params.set("near", p.lat.toFixed(4) + "," + p.lon.toFixed(4) + ",10");
      params.delete("page");
      var a = el("a", { href: "/events?" + params.toString(), "class": "place" }, dots);
      el("circle", { cx: xy[0].toFixed(1), cy: xy[1].toFixed(1), r: (3 + 14 * Math.sqrt(p.count / max)).toFixed(1),
                     "class": p.conflict * 2 > p.count ? "conflict" : "cooperation" }, a);
      var t = el("title", {}, a);
      t.textContent = (p.name || "?") + (p.country ? ", " + p.country : "") + ": " + p.count + " events";
    });
    svg.setAttribute("data-ready", String(points.length));
  }).catch(function (err) {
    svg.setAttribute("data-error", String(err));
  });
})();
