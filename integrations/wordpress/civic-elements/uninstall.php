<?php
/** Removes the plugin's two options when it is deleted. */
if (!defined('WP_UNINSTALL_PLUGIN')) {
	exit;
}
delete_option('civic_elements_script_url');
delete_option('civic_elements_api_base');
