package dev.ctime.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * What ctime actually ran for a profile, so a reader can reproduce it and check it.
 *
 * @param fingerprint       settings, toolchain, sources and measuring settings hashed: equal means reusable (ctime.resume)
 * @param cargoArgs         cargo's arguments after {@code cargo}
 * @param env               variables set for cargo (null: removed, and kept as null in the report)
 * @param rustflagsAdded    the rustflags ctime added, the pipeline stage's included
 * @param rustflagsRoute    where they went (build config, target config, RUSTFLAGS, CARGO_ENCODED_RUSTFLAGS)
 * @param rustcCommand      the leaf rustc's command line, as cargo -v printed it
 * @param pgoProfile        the merged profile the optimised build used
 * @param libraryBeforeBolt the library as built, before BOLT rewrote it
 * @param librarySha256     the library the harness loaded, hashed: equal hashes are the same binary
 * @param sources           the files the build read (cargo's dep-info, manifests, cargo config), each with its SHA-256:
 *                          what ctime.resume compares to tell whether the profile's code changed
 * @param features the cargo features enabled
 * @param effective         every Cargo profile key as it reached the build and where its value came from (ctime's
 *                          profile, the crate's own profiles, a config file, the environment, Cargo's default)
 * @param autodiffWithout   the differentiated functions the library was built without (ctime_no_autodiff), each with
 *                          Enzyme's verdict that rejected it; absent where every derivative is in it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Applied(String fingerprint, List<String> cargoArgs,
                      @JsonInclude(value = JsonInclude.Include.NON_NULL, content = JsonInclude.Include.ALWAYS) Map<String, String> env,
                      List<String> rustflagsAdded,
                      String rustflagsRoute, List<String> features, String rustcCommand, String pgoProfile,
                      String libraryBeforeBolt, String librarySha256, Map<String, String> sources,
                      List<EffectiveSetting> effective, Map<String, String> autodiffWithout) {
    public Applied(String fingerprint, List<String> cargoArgs, Map<String, String> env, List<String> rustflagsAdded,
                   String rustflagsRoute, List<String> features, String rustcCommand, String pgoProfile, String libraryBeforeBolt,
                   String librarySha256, Map<String, String> sources, List<EffectiveSetting> effective) {
        this(fingerprint, cargoArgs, env, rustflagsAdded, rustflagsRoute, features, rustcCommand, pgoProfile, libraryBeforeBolt,
                librarySha256, sources, effective, null);
    }

    /** Filled while the profile is built. */
    public static final class Builder {
        public String fingerprint;
        public List<String> cargoArgs;
        public Map<String, String> env;
        public List<String> rustflagsAdded;
        public String rustflagsRoute;
        public List<String> features;
        public String rustcCommand;
        public String pgoProfile;
        public String libraryBeforeBolt;
        public String librarySha256;
        public Map<String, String> sources;
        public List<EffectiveSetting> effective;
        public Map<String, String> autodiffWithout;

        public Applied build() {
            return new Applied(fingerprint, cargoArgs, env, rustflagsAdded, rustflagsRoute, features, rustcCommand, pgoProfile,
                    libraryBeforeBolt, librarySha256, sources, effective,
                    autodiffWithout == null || autodiffWithout.isEmpty() ? null : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(autodiffWithout)));
        }
    }
}
