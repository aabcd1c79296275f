package io.dingboot.message;

/**
 * Progress of a work notification task, from {@code getsendprogress}.
 *
 * @param progressInPercent how much is done, 0 to 100
 * @param status 0 not started, 1 running, 2 done
 */
public record SendProgress(int progressInPercent, int status) {

	/**
	 * Whether the task is done.
	 * @return whether status is 2
	 */
	public boolean isDone() {
		return this.status == 2;
	}

}
