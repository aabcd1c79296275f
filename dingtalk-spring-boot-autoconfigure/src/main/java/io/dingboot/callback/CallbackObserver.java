package io.dingboot.callback;

/**
 * Told the outcome of every push the callback endpoint receives (for metrics, audit or alerts).
 * Declare one or more beans; they are called on the request thread, so keep them fast, and an
 * exception they throw is logged and ignored.
 */
@FunctionalInterface
public interface CallbackObserver {

	/**
	 * Called once per push, after its answer is decided.
	 * @param outcome what became of the push
	 */
	void onCallback(CallbackOutcome outcome);

}
