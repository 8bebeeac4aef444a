<?php
// Content element "Civic Elements widget" (CType civic_widget): the editor picks the widget and its
// service/location; the rich-text field is the fallback shown before the widget loads and when the
// service is unreachable. Not run here: checked with php -l only.
defined('TYPO3') or die();

use TYPO3\CMS\Core\Utility\ExtensionManagementUtility;

ExtensionManagementUtility::addTcaSelectItem(
    'tt_content',
    'CType',
    [
        'label' => 'Civic Elements: Bürgerdienst',
        'value' => 'civic_widget',
        'icon' => 'content-widget-text',
        'group' => 'special',
    ]
);

ExtensionManagementUtility::addTCAcolumns('tt_content', [
    'tx_civic_tag' => [
        'label' => 'Baustein',
        'config' => [
            'type' => 'select',
            'renderType' => 'selectSingle',
            'items' => [
                ['label' => 'Terminbuchung', 'value' => 'civic-appointment-picker'],
                ['label' => 'Antragsstatus', 'value' => 'civic-status-tracker'],
                ['label' => 'Wartenummer', 'value' => 'civic-queue-ticket'],
                ['label' => 'Wartezeit', 'value' => 'civic-queue-display'],
                ['label' => 'Aufrufanzeige', 'value' => 'civic-call-display'],
                ['label' => 'Video-Sprechstunde', 'value' => 'civic-virtual-office'],
                ['label' => 'Chat', 'value' => 'civic-chat'],
            ],
            'default' => 'civic-appointment-picker',
        ],
    ],
    'tx_civic_service' => [
        'label' => 'Dienstleistung (service, optional)',
        'config' => ['type' => 'input', 'size' => 30, 'max' => 128, 'eval' => 'trim'],
    ],
    'tx_civic_location' => [
        'label' => 'Standort oder Büro (location/office, optional)',
        'config' => ['type' => 'input', 'size' => 30, 'max' => 128, 'eval' => 'trim'],
    ],
]);

$GLOBALS['TCA']['tt_content']['types']['civic_widget'] = [
    'showitem' => '
        --div--;LLL:EXT:core/Resources/Private/Language/Form/locallang_tabs.xlf:general,
            --palette--;;general, header, tx_civic_tag, tx_civic_service, tx_civic_location,
            bodytext;Ersatzinhalt (Telefon, Link),
        --div--;LLL:EXT:core/Resources/Private/Language/Form/locallang_tabs.xlf:access,
            --palette--;;hidden, --palette--;;access',
    'columnsOverrides' => [
        'bodytext' => ['config' => ['enableRichtext' => true]],
    ],
];
