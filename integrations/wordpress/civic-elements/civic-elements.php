<?php
/**
 * Plugin Name:       Civic Elements
 * Description:       Bürgerdienste der Stadt (Terminbuchung, Antragsstatus, Wartenummer, Chat) per Shortcode einbinden: [civic_widget tag="civic-appointment-picker" service="…"]Telefonnummer als Ersatz[/civic_widget].
 * Version:           0.1.0
 * Requires at least: 6.0
 * Requires PHP:      7.4
 * License:           EUPL-1.2
 * License URI:       https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12
 * Text Domain:       civic-elements
 *
 * Why a shortcode: editors without the `unfiltered_html` capability (everyone but administrators
 * and editors on single sites, everyone but super admins on multisite) cannot paste a script tag or
 * custom elements; kses removes them. A shortcode is expanded when the page is rendered, after kses,
 * so every editor can place a widget, and this plugin decides which tags and attributes come out.
 */

if (!defined('ABSPATH')) {
	exit;
}

/** The widget tags the shortcode may print. */
const CIVIC_ELEMENTS_TAGS = array(
	'civic-config',
	'civic-appointment-picker',
	'civic-status-tracker',
	'civic-queue-ticket',
	'civic-queue-display',
	'civic-call-display',
	'civic-virtual-office',
	'civic-chat',
);

/** The attributes the shortcode passes on (all others are dropped). */
const CIVIC_ELEMENTS_ATTRIBUTES = array(
	'api-base',
	'lang',
	'ags',
	'theme',
	'service',
	'location',
	'office',
	'type',
);

/**
 * URL of the library's CDN entry (`civic-elements.js`). Set it in Settings → Civic Elements, or
 * with the `civic_elements_script_url` filter. Host it on the town's own domain, so the site's
 * Content-Security-Policy can stay at `script-src 'self'`.
 */
function civic_elements_script_url() {
	$url = get_option('civic_elements_script_url', '');
	return (string) apply_filters('civic_elements_script_url', $url);
}

/** Default `api-base` for every widget (Settings → Civic Elements); a shortcode attribute wins. */
function civic_elements_api_base() {
	return (string) apply_filters('civic_elements_api_base', get_option('civic_elements_api_base', ''));
}

/**
 * Makes sure the library's script is on the page, once. With WordPress ≥ 6.5 it is enqueued as a
 * script module (printed once by WordPress); before that, the first widget prints the tag itself.
 *
 * @return string HTML to print before the widget ('' when nothing is needed).
 */
function civic_elements_script_tag() {
	static $done = false;
	$url = civic_elements_script_url();
	if ($done || '' === $url) {
		return '';
	}
	$done = true;
	if (function_exists('wp_enqueue_script_module')) {
		wp_enqueue_script_module('civic-elements', $url, array(), null);
		return '';
	}
	return '<script type="module" src="' . esc_url($url) . '"></script>' . "\n";
}

/**
 * The `[civic_widget]` shortcode.
 *
 * [civic_widget tag="civic-appointment-picker" service="personalausweis"]
 *   Termine auch telefonisch: <a href="tel:+4912345670">01234 5670</a>
 * [/civic_widget]
 *
 * The enclosed content is the fallback the widget shows before it loads and when the service is
 * unreachable (filtered like post content). Attribute values are escaped; unknown tags print
 * nothing, unknown attributes are dropped.
 *
 * @param array|string $atts    Shortcode attributes (WordPress lowercases the names).
 * @param string|null  $content Enclosed content.
 * @return string
 */
function civic_elements_shortcode($atts, $content = null) {
	$atts = is_array($atts) ? $atts : array();
	$tag  = isset($atts['tag']) ? strtolower(trim((string) $atts['tag'])) : '';
	if (!in_array($tag, CIVIC_ELEMENTS_TAGS, true)) {
		return '';
	}
	if (!isset($atts['api-base']) && '' !== civic_elements_api_base()) {
		$atts['api-base'] = civic_elements_api_base();
	}

	$html = '<' . $tag;
	foreach (CIVIC_ELEMENTS_ATTRIBUTES as $name) {
		if (!isset($atts[$name])) {
			continue;
		}
		$value = (string) $atts[$name];
		if ('api-base' === $name) {
			// Only http(s) or relative addresses; anything else (javascript:, data:) is dropped.
			$value = esc_url($value);
			if ('' === $value) {
				continue;
			}
		}
		$html .= ' ' . $name . '="' . esc_attr($value) . '"';
	}
	$html .= '>';
	if (null !== $content && '' !== trim($content)) {
		$html .= wp_kses_post(do_shortcode($content));
	}
	$html .= '</' . $tag . '>';

	return civic_elements_script_tag() . $html;
}

add_shortcode('civic_widget', 'civic_elements_shortcode');

/** Settings → Civic Elements: the script URL and the default API address. */
function civic_elements_register_settings() {
	register_setting('civic_elements', 'civic_elements_script_url', array('type' => 'string', 'sanitize_callback' => 'esc_url_raw', 'default' => ''));
	register_setting('civic_elements', 'civic_elements_api_base', array('type' => 'string', 'sanitize_callback' => 'esc_url_raw', 'default' => ''));
}

function civic_elements_settings_page() {
	if (!current_user_can('manage_options')) {
		return;
	}
	echo '<div class="wrap"><h1>' . esc_html__('Civic Elements', 'civic-elements') . '</h1><form method="post" action="options.php">';
	settings_fields('civic_elements');
	echo '<table class="form-table" role="presentation">';
	echo '<tr><th scope="row"><label for="civic_elements_script_url">' . esc_html__('Skript-Adresse (civic-elements.js)', 'civic-elements') . '</label></th>';
	echo '<td><input class="regular-text code" type="url" id="civic_elements_script_url" name="civic_elements_script_url" value="' . esc_attr(get_option('civic_elements_script_url', '')) . '"></td></tr>';
	echo '<tr><th scope="row"><label for="civic_elements_api_base">' . esc_html__('Adresse der Schnittstelle (api-base)', 'civic-elements') . '</label></th>';
	echo '<td><input class="regular-text code" type="url" id="civic_elements_api_base" name="civic_elements_api_base" value="' . esc_attr(get_option('civic_elements_api_base', '')) . '"></td></tr>';
	echo '</table>';
	submit_button();
	echo '</form></div>';
}

function civic_elements_admin_menu() {
	add_options_page('Civic Elements', 'Civic Elements', 'manage_options', 'civic-elements', 'civic_elements_settings_page');
}

if (is_admin()) {
	add_action('admin_init', 'civic_elements_register_settings');
	add_action('admin_menu', 'civic_elements_admin_menu');
}
