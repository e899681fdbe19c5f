// The world map of /places: country outlines from the vendored world atlas (TopoJSON), drawn as
// SVG with d3-geo; countries shaded by the mentions of their places, places as points sized by
// their articles, each a link that shows that place's articles. No tiles, nothing from outside.
(function () {
  "use strict";
  const NS = "http://www.w3.org/2000/svg";
  const figure = document.getElementById("map");
  if (!figure || !window.d3 || !window.topojson) return;
  const WIDTH = 960, HEIGHT = 480;

  function node(name, attrs, parent) {
    const el = document.createElementNS(NS, name);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
    if (parent) parent.appendChild(el);
    return el;
  }

  function titled(el, text) {
    node("title", {}, el).textContent = text;
    return el;
  }

  function draw(world, data) {
    if (figure.dataset.hideEmpty && !data.places.length && !data.countries.length) {
      // a story or an entity whose articles name no place: no empty map
      figure.closest("section").hidden = true;
      figure.dataset.drawn = "0";
      return;
    }
    const svg = node("svg", {viewBox: `0 0 ${WIDTH} ${HEIGHT}`, class: "worldmap", role: "img",
                             "aria-label": "world map of the places named"});
    const projection = d3.geoNaturalEarth1().fitSize([WIDTH, HEIGHT], {type: "Sphere"});
    const path = d3.geoPath(projection);
    node("path", {d: path({type: "Sphere"}), class: "sphere"}, svg);
    const byNumeric = new Map(data.countries.filter(c => c.numeric).map(c => [c.numeric, c]));
    const most = Math.max(1, ...data.countries.map(c => c.mentions || 0));
    const land = node("g", {class: "countries"}, svg);
    for (const f of topojson.feature(world, world.objects.countries).features) {
      const c = byNumeric.get(String(f.id));
      const shape = node("path", {d: path(f), class: c ? "country named" : "country"}, land);
      if (c) {
        // a log scale: a few countries take most mentions, and the rest should still show
        shape.setAttribute("fill-opacity", (0.15 + 0.85 * Math.log1p(c.mentions) / Math.log1p(most)).toFixed(3));
        shape.dataset.country = c.country;
        titled(shape, `${c.name}: ${c.articles} articles, ${c.mentions} mentions`);
      } else if (f.properties && f.properties.name) {
        titled(shape, f.properties.name);
      }
    }
    const points = node("g", {class: "points"}, svg);
    const placed = data.places.filter(p => p.lat !== null && p.lon !== null);
    const top = Math.max(1, ...placed.map(p => p.articles));
    // the biggest drawn first, and countries and regions before their cities, so that a small
    // place on top of a big one (a city inside its state) can still be clicked
    const layer = {country: 0, region: 1, city: 2};
    placed.sort((a, b) => b.articles - a.articles || (layer[a.kind] ?? 3) - (layer[b.kind] ?? 3));
    for (const p of placed) {
      const xy = projection([p.lon, p.lat]);
      if (!xy) continue;
      const link = node("a", {href: figure.dataset.link + encodeURIComponent(p.id), class: "place"}, points);
      const dot = node("circle", {cx: xy[0].toFixed(1), cy: xy[1].toFixed(1),
                                  r: (2.5 + 12 * Math.sqrt(p.articles / top)).toFixed(1),
                                  class: p.id === figure.dataset.place ? "point chosen" : "point"}, link);
      dot.dataset.id = p.id;
      titled(link, `${p.name} (${p.kind}, ${p.country}): ${p.articles} articles, ${p.mentions} mentions`);
    }
    figure.insertBefore(svg, figure.firstChild);
    figure.dataset.drawn = String(placed.length);
  }

  function fail(message) {
    const p = document.createElement("p");
    p.className = "empty";
    p.textContent = "the map could not be drawn: " + message;
    figure.appendChild(p);
  }

  Promise.all([figure.dataset.atlas, figure.dataset.api].map(url => fetch(url).then(r => {
    if (!r.ok) throw new Error(`${url}: ${r.status}`);
    return r.json();
  }))).then(([world, data]) => draw(world, data)).catch(e => fail(e.message));
})();
