/**
 * The shared kernel every module may use: roles, the organisation scope, the current user,
 * masking of personal data, paging and the error types the web layer maps to statuses: a module refuses a
 * request by throwing a {@link cn.zugong.shared.ZugongException} (one of the kernel's or its own subclass), never
 * with an advice of its own.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN)
package cn.zugong.shared;
