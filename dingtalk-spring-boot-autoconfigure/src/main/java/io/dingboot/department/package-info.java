/**
 * Departments: {@link io.dingboot.department.DepartmentApi} and the records it answers with.
 */
@NullMarked
package io.dingboot.department;

import org.jspecify.annotations.NullMarked;
