<?php

return [
    'name' => 'storefront',
    'env' => 'production',
    'easypost' => [
        'easypost_api_key' => 'EZAKZs1Fim0zmXzlCO34xjNPpmmqgzqnZU1NwBHTSXpyZJBkkvXPyC762p',
    ],
    'readme' => [
        'readme_api_key' => 'rdme_0f792dc311c08d66ef305e13e386f64ee28ba2294366a70c9b318b095d6e06ab513036',
    ],
    'rubygems' => [
        'gem_host_api_key' => 'rubygems_40a1977a807c90e72816cb82c3cca5318036bd3d54dc7c60',
    ],
    'azure_ad' => [
        'azure_client_secret' => '9Sg8Q~AVjNqS7ZRzDnNJl96eXKsOgIQ61jpbJPp~',
    ],
    'gitter' => [
        'gitter_token' => '2f41a8732c7b4b256922f1c56bb803e2daa0f5d2',
    ],
];
