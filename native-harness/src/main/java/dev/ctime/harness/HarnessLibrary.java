package dev.ctime.harness;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Pointer;

/** JNA binding of {@code libctimeharness.so}, the C timing loop; see ctimeharness.c. */
interface HarnessLibrary extends Library {
    HarnessLibrary INSTANCE = Native.load("ctimeharness", HarnessLibrary.class);

    Pointer ctime_open(String path, byte[] err, long errlen);

    Pointer ctime_symbol(Pointer handle, String name, byte[] err, long errlen);

    int ctime_close(Pointer handle);

    Pointer ctime_empty_kernel_pointer();

    int ctime_time_batches(Pointer fn, int isGradient, Pointer x, Pointer grad, long n,
                           long batch, int samples, long[] outNs, long[] outCpuNs);

    long ctime_calibrate(Pointer fn, int isGradient, Pointer x, Pointer grad, long n,
                         long minNs, long maxBatch);

    double ctime_call_primal(Pointer fn, Pointer x, long n);

    double ctime_call_gradient(Pointer fn, Pointer x, Pointer grad, long n);

    int ctime_pin_current_thread(int cpu);

    long ctime_clock_resolution_ns();
}
