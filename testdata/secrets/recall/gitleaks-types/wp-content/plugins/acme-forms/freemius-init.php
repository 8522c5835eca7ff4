<?php
if ( ! function_exists( 'acme_fs' ) ) {
    function acme_fs() {
        global $acme_fs;
        $acme_fs = fs_dynamic_init( array(
            'id'               => '4647',
            'slug'             => 'acme-forms',
            'secret_key'       => 'sk_dTbj5UwrWd0fzzor5Qc8b0nf1yPfq',
        'secret_key' => "sk_p1Kg44ymCFG8qTLi+Cry4aLh-JrvG",
        ) );
    }
}
