/*
 * The JNI binding ctime times beside JNA and FFM: what a hand-written JNI entry point costs a Java
 * caller. Each native method of dev.ctime.harness.JniCalls takes the kernel's address and calls it;
 * a crate that exports its own Java_... function (jni-rs) saves that one indirect call and nothing
 * else. Data in a Java double[] is pinned with GetPrimitiveArrayCritical, the cheapest way JNI
 * hands an array to native code (no copy on HotSpot's collectors that pin or lock out GC).
 */
#include <jni.h>
#include <stddef.h>
#include <stdint.h>

typedef double (*ctime_primal_fn)(const double *x, size_t n);
typedef double (*ctime_gradient_fn)(const double *x, double *grad, size_t n);

JNIEXPORT jdouble JNICALL Java_dev_ctime_harness_JniCalls_primal(JNIEnv *env, jclass cls, jlong fn, jlong x,
                                                                 jlong n) {
    (void)env;
    (void)cls;
    return ((ctime_primal_fn)(intptr_t)fn)((const double *)(intptr_t)x, (size_t)n);
}

JNIEXPORT jdouble JNICALL Java_dev_ctime_harness_JniCalls_gradient(JNIEnv *env, jclass cls, jlong fn, jlong x,
                                                                   jlong grad, jlong n) {
    (void)env;
    (void)cls;
    return ((ctime_gradient_fn)(intptr_t)fn)((const double *)(intptr_t)x, (double *)(intptr_t)grad, (size_t)n);
}

JNIEXPORT jdouble JNICALL Java_dev_ctime_harness_JniCalls_primalArray(JNIEnv *env, jclass cls, jlong fn,
                                                                      jdoubleArray x, jlong n) {
    (void)cls;
    double *px = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    if (px == NULL) return 0.0;
    double f = ((ctime_primal_fn)(intptr_t)fn)(px, (size_t)n);
    (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
    return f;
}

JNIEXPORT jdouble JNICALL Java_dev_ctime_harness_JniCalls_gradientArray(JNIEnv *env, jclass cls, jlong fn,
                                                                        jdoubleArray x, jdoubleArray grad, jlong n) {
    (void)cls;
    double *px = (*env)->GetPrimitiveArrayCritical(env, x, NULL);
    if (px == NULL) return 0.0;
    double *pg = (*env)->GetPrimitiveArrayCritical(env, grad, NULL);
    if (pg == NULL) {
        (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
        return 0.0;
    }
    double f = ((ctime_gradient_fn)(intptr_t)fn)(px, pg, (size_t)n);
    (*env)->ReleasePrimitiveArrayCritical(env, grad, pg, 0);
    (*env)->ReleasePrimitiveArrayCritical(env, x, px, JNI_ABORT);
    return f;
}
