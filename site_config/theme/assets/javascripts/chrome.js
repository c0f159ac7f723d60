{#- A template MkDocs renders once per build (mkdocs.yml: theme.static_templates), not a page. -#}
{%- import "partials/language.html" as lang with context -%}
{#- Links written by the partials below start with this mark; the script puts the site's root there. -#}
{%- set base_url = "@ARSHIF_ROOT@" -%}
/* Arshif's page chrome: Material's base script (the reader's stored choices, scoped to the site's
   root), and the header's palette form and search box, written into the page by this one cached
   file instead of into every page (2.9 KB of each of tens of thousands of pages).
   Loaded in <head> (partials/javascripts/base.html); the header calls __arshif_header() where the form and the box go, before
   Material's script (end of <body>) mounts them, so the page's DOM is what Material's own header
   gives. Without scripts neither could work (the palette and the search are scripts), so nothing
   is lost. Rendered from Material's partials (partials/palette.html, partials/search.html) and
   mkdocs.yml's palette when the site is built. */
(function () {
  var root = new URL("../../", document.currentScript.src).href;
  {% include "partials/javascripts/base-script.html" %};
  var header = {% filter tojson %}
    {%- if config.theme.palette and config.theme.palette is not mapping %}{% include "partials/palette.html" %}{% endif -%}
    <label class="md-header__button md-icon" for="__search">{% include ".icons/material/magnify.svg" %}</label>
    {%- include "partials/search.html" -%}
  {% endfilter %}.replace(/\n\s*/g, " ").split("@ARSHIF_ROOT@/").join(root);
  /* The site navigation of an article page (partials/nav.html writes it in the HTML of every other
     page): Material's list, no section marked, titles without the wrapper the pages lose too
     (generator/mkdocs_hooks.py, plain_nav_titles). */
  var nav = {% filter tojson %}
    {% include "partials/nav-title.html" %}
    <ul class="md-nav__list" data-md-scrollfix>
      {%- for nav_item in nav.items %}
      <li class="md-nav__item"><a href="{{ nav_item.url | url }}" class="md-nav__link">{{ nav_item.title }}</a></li>
      {%- endfor %}
    </ul>
  {% endfilter %}.replace(/\n\s*/g, " ").split("@ARSHIF_ROOT@/").join(root);
  window.__arshif_nav = function () {
    document.currentScript.insertAdjacentHTML("beforebegin", nav);
  };
  window.__arshif_header = function () {
    document.currentScript.insertAdjacentHTML("beforebegin", header);
    {% include "partials/javascripts/palette-script.html" %}
  };
})();
