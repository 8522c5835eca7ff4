<?php
if ( ! function_exists( 'acme_fs' ) ) {
    function acme_fs() {
        global $acme_fs;
        $acme_fs = fs_dynamic_init( array(
            'id'               => '4647',
            'slug'             => 'acme-forms',
            'secret_key'       => 'sk_Z4U0FdTbj5UwrWd0fzzor5Qc8b0nf',
        'secret_key' => "sk_1yPfqp1Kg44ymCFG8qTLi+Cry4aLh",
        ) );
    }
}
