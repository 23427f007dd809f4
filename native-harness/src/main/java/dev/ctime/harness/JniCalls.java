package dev.ctime.harness;

import com.sun.jna.Native;
import java.io.File;
import java.io.IOException;

/**
 * The JNI binding (see ctime-jni.c): each method calls the kernel at {@code fn}, as a hand-written JNI
 * entry point would. Off-heap data goes as an address; a Java array is pinned for the call.
 */
public final class JniCalls {
    private static volatile boolean loaded;

    private JniCalls() {
    }

    /** Loads the JNI library from this jar; an exception names what is missing. */
    public static synchronized void load() throws HarnessException {
        if (loaded) return;
        try {
            File f = Native.extractFromResourcePath("ctimejni", JniCalls.class.getClassLoader());
            System.load(f.getAbsolutePath());
            loaded = true;
        } catch (IOException | UnsatisfiedLinkError e) {
            throw new HarnessException("cannot load ctime's JNI library (libctimejni.so): " + e.getMessage()
                    + "; rebuild ctime-native-harness with a JDK (jni.h) and gcc");
        }
    }

    public static native double primal(long fn, long x, long n);

    public static native double gradient(long fn, long x, long grad, long n);

    public static native double primalArray(long fn, double[] x, long n);

    public static native double gradientArray(long fn, double[] x, double[] grad, long n);
}
