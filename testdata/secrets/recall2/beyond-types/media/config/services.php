<?php

return [
    'name' => 'storefront',
    'env' => 'production',
    'pinecone' => [
        'pinecone_api_key' => 'pcsk_Ll6PKa_DgoD4IHQAxeAKdTfkhgn0T1nshiwluOWHdytOhbLL14QKAjKKjHpsI13EsyEmWr',
    ],
    'google_oauth' => [
        'google_access_token' => 'ya29.a0A9xWvk2MAmOc5cG4UuKzvUiq6AwCVWLYHc3QVq8fbLhO25rsD4fZyF1DnNXT3fpOiHtfpn_PlzPOhGS8NiChp311cmJgxHOBnB3vE-jIumzZqz6wYiMnUIoT29P7NlLIoiwSB2S2iiWKSjcz3L3fOX',
    ],
    'zoho' => [
        'zoho_refresh_token' => '1000.863dc65a60157e102098e471fde95e65.4e3e8fc13b0a83929aa59ccacafa5ca3',
    ],
    'clickup' => [
        'clickup_api_token' => 'pk_103875897_AD5MEUAZNPO691Q54B5PHS8NE2IDLICV',
    ],
    'hetzner' => [
        'hcloud_token' => 'zBn32h8oFJN9eL2FDMUOHUxGt7XiQkbe4dRw8xVTdNCjdBwFCsjurr08CBN06662',
    ],
    'woocommerce' => [
        'wc_consumer_key' => 'ck_4588de90069b3249ff77d709b9e299a010c75fdc',
        'wc_consumer_secret' => 'cs_cb4d4f8fb20cf17c26689c41fa3daddbdc36e440',
    ],
    'assemblyai' => [
        'assemblyai_api_key' => 'dcc9596611cebc29a8f220921d23263d',
    ],
];
