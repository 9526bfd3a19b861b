// Start the bundled Swagger UI on the app's OpenAPI document.
(function () {
  "use strict";
  var root = document.getElementById("swagger-ui");
  window.SwaggerUIBundle({ url: root.getAttribute("data-spec"), domNode: root });
})();
