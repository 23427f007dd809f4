package dev.ctime.kernel;

import com.sun.jna.Library;
import com.sun.jna.Pointer;

/**
 * The JNA interface mapping an application declares for a kernel in ctime's ABI; ctime maps the method names to the
 * kernel's symbols. A {@code double[]} argument is copied to native memory and back by JNA on every call.
 */
public interface JnaCalls extends Library {
    double primal(Pointer x, long n);

    double primalArray(double[] x, long n);

    double gradient(Pointer x, Pointer grad, long n);

    double gradientArray(double[] x, double[] grad, long n);
}
