<?php
if ( ! function_exists( 'acme_fs' ) ) {
    function acme_fs() {
        global $acme_fs;
        $acme_fs = fs_dynamic_init( array(
            'id'               => '4647',
            'slug'             => 'acme-forms',
        'secret_key' => "sk_DuTFs_E3NYk+zSqgC2_0=k3IkOnhQ",
            'secret_key'       => 'sk_L-A75CfOg3hUGBg0BILJTvg9qemCY',
        ) );
    }
}
