<?php

return [
    'name' => 'storefront',
    'env' => 'production',
    'openweather' => [
        'openweathermap_api_key' => '736dce82148beb7741052cfcb6c0b02f',
    ],
    'webflow' => [
        'webflow_api_token' => '1201c1d5b3b415c991d2f2fb5037a089758f9a23c784fa8c277e3ec20eca9c1f',
    ],
];
