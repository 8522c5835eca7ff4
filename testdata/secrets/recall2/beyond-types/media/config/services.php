<?php

return [
    'name' => 'storefront',
    'env' => 'production',
    'supabase_access' => [
        'supabase_access_token' => 'sbp_74517bfb2462e8acaefd747e47a3a75cd42f1c4b',
    ],
    'mistral' => [
        'mistral_api_key' => 'zxHvEdvRRzDNE1ONusSchLVxP8bXPQSI',
    ],
    'plivo' => [
        'plivo_auth_id' => 'MAKZVGDOPXAOT46TK7R0',
        'plivo_auth_token' => 'r6N1vYyXcspnLG7uJ5ILLqAeIkOOdLOzmLUwLakz',
    ],
    'sparkpost' => [
        'sparkpost_api_key' => '14adbf1044072809c02e7745c5284d54555fe9d4',
    ],
    'semgrep' => [
        'semgrep_app_token' => '4ba960d68777e78930e10e9e917eb959b511479b4a176bfc8f83d2d4feb65760',
    ],
    'infisical' => [
        'infisical_token' => 'st.8163b8b6-f291-49d4-9643-63fb95bd4de0.041c18e100b95f891223f6ccb8fec665.3851e44c2eee654a4733e722c33d600b',
    ],
    'consul' => [
        'consul_http_token' => '5b2e17d6-90b4-43d0-a1a1-baa283aac198',
    ],
];
