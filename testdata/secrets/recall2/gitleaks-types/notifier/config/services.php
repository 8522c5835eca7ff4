<?php

return [
    'name' => 'storefront',
    'env' => 'production',
    'gitlab_runner' => [
        'runner_auth_token' => 'glrt-nE9MNPbDdeb5XZkt2ZVx',
    ],
    'pypi' => [
        'pypi_api_token' => 'pypi-AgEIcHlwaS5vcmcCJDY4ZmZhMDE2LTg2MmQtNDhhNi04NTIxLTRlZWIzNmVjZjQ3OAACJXsidmVyc2lvbiI6IDEsICJwZXJtaXNzaW9ucyI6ICJ1c2VyIn0AAAYgBXvFWN541fftQKPzhA0Ck8SAdhZXxMNeXmpuPWns9nE',
    ],
    'sentry_org' => [
        'sentry_auth_token' => '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',
    ],
    'telegram_bot' => [
        'telegram_bot_token' => '4891707442:AAZRN6RoUHbRjXSg0PcaO1P9F5WFZU4cc_6',
    ],
    'discord_bot' => [
        'discord_bot_token' => 'NjQyMTQ2MTk5MTkwMTgxNjI4Nw.CRn7aE.d9ZJjr87tFOsrfzTAhjcL0snLG1SM5gsfCxDBK',
    ],
    'adafruit' => [
        'adafruit_io_key' => 'aio_d9KQR7OQxno9eGOqwRRoRPHGvhhA',
    ],
    'duffel' => [
        'duffel_access_token' => 'duffel_live_Dk_DJOvCOTiHcdzRzkSOLvB5gHWUSIx4Nyq50lrXACg',
    ],
];
