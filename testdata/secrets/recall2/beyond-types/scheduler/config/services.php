<?php

return [
    'name' => 'storefront',
    'env' => 'production',
    'gitguardian' => [
        'gitguardian_api_key' => '95aee4c854816a61ee46a783923497276641cc58e028207e8baf2021b021d3b1',
    ],
    'bugsnag' => [
        'bugsnag_api_key' => '7641392d36059ca3ed2bb79718812adb',
    ],
];
