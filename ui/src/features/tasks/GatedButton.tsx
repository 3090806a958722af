import { Button, Tooltip, type ButtonProps } from 'antd';

/**
 * A button for a write the engine may not accept now: with a `blockedBy` reason it is disabled and
 * the reason shows as its tooltip, so people learn why instead of meeting a refusal.
 */
export function GatedButton({ blockedBy, ...props }: ButtonProps & { blockedBy: string | null; 'data-testid': string }) {
  if (!blockedBy) return <Button {...props} />;
  return (
    <Tooltip title={blockedBy}>
      <span data-testid={`${props['data-testid']}-blocked`}>
        <Button {...props} disabled />
      </span>
    </Tooltip>
  );
}
