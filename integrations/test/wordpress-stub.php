<?php
// A tiny stand-in for the WordPress functions the plugin uses, so its shortcode can be rendered
// with php-cli. Escaping follows WordPress's documented behaviour (esc_attr: HTML-escape quotes
// and markup; esc_url: only http(s)/relative URLs; wp_kses_post: drops <script> and event handlers).
// Usage: php wordpress-stub.php <plugin file> <cases.json> [with-modules]
define('ABSPATH', __DIR__ . '/');

$GLOBALS['stub'] = array('shortcodes' => array(), 'options' => array(), 'filters' => array(), 'modules' => array(), 'actions' => array());

function add_shortcode($tag, $callback) { $GLOBALS['stub']['shortcodes'][$tag] = $callback; }
function add_action($hook, $callback) { $GLOBALS['stub']['actions'][] = $hook; }
function add_filter($hook, $callback) { $GLOBALS['stub']['filters'][$hook][] = $callback; }
function apply_filters($hook, $value) {
	foreach ($GLOBALS['stub']['filters'][$hook] ?? array() as $callback) { $value = $callback($value); }
	return $value;
}
function get_option($name, $default = false) { return $GLOBALS['stub']['options'][$name] ?? $default; }
function is_admin() { return false; }
function esc_attr($text) { return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8'); }
function esc_html($text) { return htmlspecialchars((string) $text, ENT_QUOTES, 'UTF-8'); }
function esc_url($url) {
	$url = trim((string) $url);
	if ('' === $url) { return ''; }
	if (!preg_match('#^(https?://|/)#i', $url)) { return ''; }
	return htmlspecialchars($url, ENT_QUOTES, 'UTF-8');
}
function do_shortcode($content) { return $content; }
function wp_kses_post($html) {
	$html = preg_replace('#<script\b[^>]*>.*?</script>#is', '', (string) $html);
	return preg_replace('#\s+on[a-z]+\s*=\s*("[^"]*"|\'[^\']*\'|[^\s>]+)#i', '', $html);
}
if (in_array('with-modules', $argv, true)) {
	function wp_enqueue_script_module($id, $src = '', $deps = array(), $version = false) {
		$GLOBALS['stub']['modules'][] = array($id, $src);
	}
}

require $argv[1];

$cases = json_decode(file_get_contents($argv[2]), true);
$out = array('shortcodes' => array_keys($GLOBALS['stub']['shortcodes']), 'renders' => array());
foreach ($cases as $case) {
	$GLOBALS['stub']['options'] = $case['options'] ?? $GLOBALS['stub']['options'];
	$callback = $GLOBALS['stub']['shortcodes']['civic_widget'];
	$out['renders'][] = $callback($case['atts'], $case['content'] ?? null);
}
$out['modules'] = $GLOBALS['stub']['modules'];
echo json_encode($out, JSON_PRETTY_PRINT | JSON_UNESCAPED_SLASHES | JSON_UNESCAPED_UNICODE);
