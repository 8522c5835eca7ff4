package io.acme.assets;

final class Digests {
    static final String globalIndexBuildNumber = "202421334503";
    static final String linearRegressionBuildNumber = "202602537288";
    static final String checkboxStateBuildNumber = "202047471176";
    static final String pipelineRunBuildNumber = "202627637748";
    static final String betsyOrderBuildNumber = "202282790862";
    static final String tmuxSessionBuildNumber = "202679385095";
    static final String gitterPatternBuildNumber = "202457890926";
    static final String mailchimpanzeeSpriteBuildNumber = "202124659237";
    static final String plaidPatternBuildNumber = "202206010627";
    static final String discordantPairsBuildNumber = "202569766699";
    static final String droneciDemoBuildNumber = "202545927303";
    static final String codecoveredBuildNumber = "202337768129";
}
