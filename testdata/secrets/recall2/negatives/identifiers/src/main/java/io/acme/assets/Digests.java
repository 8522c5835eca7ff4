package io.acme.assets;

final class Digests {
    static final String globalIndexBuildNumber = "202070993976";
    static final String bilinearFilterBuildNumber = "202021799383";
    static final String checkboxStateBuildNumber = "202045624241";
    static final String pipelineRunBuildNumber = "202273773107";
    static final String betsyOrderBuildNumber = "202627961064";
    static final String tmuxSessionBuildNumber = "202694286765";
    static final String lobbyMusicBuildNumber = "202614970771";
    static final String heatmapBoxesBuildNumber = "202215789662";
    static final String discordantPairsBuildNumber = "202031817730";
    static final String vajrasanaPoseBuildNumber = "202223652779";
    static final String codecoverageReportBuildNumber = "202080451122";
    static final String bookTableBuildNumber = "202407460570";
}
